import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Session } from '../db';

/** The signed-in organizer; the app shows the login screen until there is one. */
export const SessionContext = createContext<Session | undefined>(undefined);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a signed-in screen');
  return session;
}
