import type { Catalogue } from '../index';
import { domainEn } from './domain.en';
import { fieldsEn } from './fields.en';
import { lockEn } from './lock.en';
import { privacyEn } from './privacy.en';
import { progressEn } from './progress.en';
import { reportEn } from './report.en';
import { rulesEn } from './rules.en';
import { supervisorEn } from './supervisor.en';
import { syncEn } from './sync-screen.en';
import { uiEn } from './ui.en';
import { vnEn } from './vn.en';

/** Every English message: a chunk of its own, loaded when the user chooses English. */
export const en: Catalogue = {
  ...uiEn,
  ...vnEn,
  ...domainEn,
  ...rulesEn,
  ...fieldsEn,
  ...privacyEn,
  ...progressEn,
  ...reportEn,
  ...supervisorEn,
  ...syncEn,
  ...lockEn,
};
