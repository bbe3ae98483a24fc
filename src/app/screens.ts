import { lazyScreen } from './lazy';

// The enterprise list (Routes.tsx) is the first screen; every other screen is a chunk of its own.
export const EnterpriseDetailPage = lazyScreen(() =>
  import('./pages/enterprises/EnterpriseDetailPage').then((m) => m.EnterpriseDetailPage),
);
export const EnterpriseFormPage = lazyScreen(() =>
  import('./pages/enterprises/EnterpriseFormPage').then((m) => m.EnterpriseFormPage),
);
export const VisitFormPage = lazyScreen(() =>
  import('./pages/enterprises/VisitFormPage').then((m) => m.VisitFormPage),
);
export const FollowUpsPage = lazyScreen(() =>
  import('./pages/FollowUpsPage').then((m) => m.FollowUpsPage),
);
export const SettingsPage = lazyScreen(() =>
  import('./pages/SettingsPage').then((m) => m.SettingsPage),
);
export const SignupFormPage = lazyScreen(() =>
  import('./pages/signups/SignupFormPage').then((m) => m.SignupFormPage),
);
export const NewSignupPage = lazyScreen(() =>
  import('./pages/signups/SignupFormPage').then((m) => m.NewSignupPage),
);
export const SignupsPage = lazyScreen(() =>
  import('./pages/signups/SignupsPage').then((m) => m.SignupsPage),
);
export const SyncPage = lazyScreen(() => import('./pages/SyncPage').then((m) => m.SyncPage));
export const ProgressPage = lazyScreen(
  () => import('./pages/progress/ProgressPage').then((m) => m.ProgressPage),
  // The first figures' read starts beside the screen's code (a slow phone takes longer for it).
  () => {
    import('./pages/progress/prefetch').then((m) => m.prefetchProgress()).catch(() => undefined);
  },
);
export const ProgressRecordsPage = lazyScreen(() =>
  import('./pages/progress/RecordsPage').then((m) => m.RecordsPage),
);
export const ReviewPage = lazyScreen(() =>
  import('./pages/progress/ReviewPage').then((m) => m.ReviewPage),
);
export const ReportPage = lazyScreen(() =>
  import('./pages/progress/ReportPage').then((m) => m.ReportPage),
);
export const AdmissionsPage = lazyScreen(
  () => import('./pages/supervisor/AdmissionsPage').then((m) => m.AdmissionsPage),
  // The queue's first rows are read beside the screen's code, as Tiến độ's first figures.
  () => {
    import('./pages/supervisor/admission-prefetch')
      .then((m) => m.prefetchAdmissions())
      .catch(() => undefined);
  },
);
export const FoundingPage = lazyScreen(() =>
  import('./pages/supervisor/FoundingPage').then((m) => m.FoundingPage),
);
export const EntriesPage = lazyScreen(() =>
  import('./pages/supervisor/EntriesPage').then((m) => m.EntriesPage),
);
export const EntryFormPage = lazyScreen(() =>
  import('./pages/supervisor/EntryFormPage').then((m) => m.EntryFormPage),
);
export const TargetsPage = lazyScreen(() =>
  import('./pages/supervisor/TargetsPage').then((m) => m.TargetsPage),
);
export const AssignmentsPage = lazyScreen(() =>
  import('./pages/supervisor/AssignmentsPage').then((m) => m.AssignmentsPage),
);
export const PinSetupPage = lazyScreen(() =>
  import('./pages/lock/PinSetupPage').then((m) => m.PinSetupPage),
);
export const UnlockPanel = lazyScreen(() =>
  import('./pages/lock/UnlockPanel').then((m) => m.UnlockPanel),
);
