// Entry: React Query, the router and dayjs (zh-cn). antd's ConfigProvider (zh_CN locale, theme) is
// applied by the AntdRoot route around the admin area, so member pages stay light.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import { setNavigate } from './api/navigation';
import { queryClient } from './api/queryClient';
import { router } from './router';
import './styles.css';

dayjs.locale('zh-cn');
setNavigate((to, opts) => void router.navigate(to, opts));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
);
