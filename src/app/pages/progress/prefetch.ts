import { todayInVietnam } from '../../../shared/domain';
import { decodeChoice, headlineDates, THIS_MONTH } from './period-choice';
import { prefetchHeadline } from './progress-data';

/**
 * What the Tiến độ screen reads first, started as soon as it is opened (screens.ts), for the
 * period its address names (this month by default), as the screen itself will ask for it.
 */
export function prefetchProgress(): void {
  const choice = decodeChoice(new URLSearchParams(location.search).get('p')) ?? THIS_MONTH;
  prefetchHeadline(headlineDates(choice, todayInVietnam()));
}
