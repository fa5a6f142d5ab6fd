// Routes. Every page is loaded lazily so the first load stays small. Member pages (login, password,
// 我的信息) use no antd; everything under AntdRoot does.
import type { ComponentType } from 'react';
import { createBrowserRouter } from 'react-router';
import { Loading } from './components/plain/Spinner';
import { RouteError } from './components/RouteError';

const page = (load: () => Promise<{ default: ComponentType }>) => async () => ({ Component: (await load()).default });

export const router = createBrowserRouter([
  {
    path: '/',
    errorElement: <RouteError />,
    hydrateFallbackElement: <Loading />,
    children: [
      { path: 'login', lazy: page(() => import('./pages/login/LoginPage')) },
      { path: 'change-password', lazy: page(() => import('./pages/password/ChangePasswordPage')) },
      { path: 'me', lazy: page(() => import('./pages/me/MePage')) },
      { path: 'inbox', lazy: page(() => import('./pages/inbox/InboxPage')) },
      { path: 'inbox/:id', lazy: page(() => import('./pages/inbox/InboxNoticePage')) },
      {
        lazy: page(() => import('./components/AntdRoot')),
        children: [
          // Printable coverage report: no admin frame around it.
          { path: 'campaigns/:id/report', lazy: page(() => import('./pages/campaigns/CampaignReportPage')) },
          {
            lazy: page(() => import('./components/layout/AdminLayout')),
            children: [
              { index: true, lazy: page(() => import('./pages/home/HomePage')) },
              { path: 'orgs', lazy: page(() => import('./pages/orgs/OrgsIndex')) },
              { path: 'orgs/:id', lazy: page(() => import('./pages/orgs/OrgDetailPage')) },
              { path: 'members', lazy: page(() => import('./pages/members/MembersPage')) },
              { path: 'members/import', lazy: page(() => import('./pages/members/import/ImportPage')) },
              { path: 'accounts', lazy: page(() => import('./pages/accounts/AccountsPage')) },
              { path: 'standards', lazy: page(() => import('./pages/standards/StandardsPage')) },
              { path: 'standards/:id', lazy: page(() => import('./pages/standards/StandardDetailPage')) },
              { path: 'standards/:id/edit', lazy: page(() => import('./pages/standards/StandardEditPage')) },
              { path: 'audit', lazy: page(() => import('./pages/audit/AuditPage')) },
              { path: 'orgs/:id/base', lazy: page(() => import('./pages/base-profile/BaseProfilePage')) },
              { path: 'campaigns', lazy: page(() => import('./pages/campaigns/CampaignsPage')) },
              { path: 'campaigns/:id', lazy: page(() => import('./pages/campaigns/CampaignDashboardPage')) },
              { path: 'campaigns/:id/assessments', lazy: page(() => import('./pages/campaigns/CampaignAssessmentsPage')) },
              { path: 'assessments', lazy: page(() => import('./pages/assessments/MyAssessmentsPage')) },
              { path: 'assessments/:id', lazy: page(() => import('./pages/assessments/AssessmentPage')) },
              { path: 'notices', lazy: page(() => import('./pages/notices/NoticesPage')) },
              { path: 'notices/new', lazy: page(() => import('./pages/notices/NoticeSendPage')) },
              { path: 'notices/webhook', lazy: page(() => import('./pages/notices/WebhookPage')) },
              { path: 'notices/:id', lazy: page(() => import('./pages/notices/NoticeStatsPage')) },
              { path: 'study', lazy: page(() => import('./pages/study/StudyPage')) },
              { path: 'displays', lazy: page(() => import('./pages/display/DisplayPage')) },
              { path: 'columns', lazy: page(() => import('./pages/columns/ColumnsPage')) },
              { path: 'columns/articles/new', lazy: page(() => import('./pages/columns/ArticleEditPage')) },
              { path: 'columns/articles/:id', lazy: page(() => import('./pages/columns/ArticleEditPage')) },
              { path: 'search', lazy: page(() => import('./pages/search/SearchPage')) },
              { path: '*', lazy: page(() => import('./components/NotFound')) },
            ],
          },
        ],
      },
    ],
  },
]);
