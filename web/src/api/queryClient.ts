import { QueryClient } from '@tanstack/react-query';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Only network failures are worth retrying; API errors are answers.
      retry: (count, error) => (error as { code?: string }).code === 'NETWORK' && count < 2,
      refetchOnWindowFocus: false,
      staleTime: 30_000,
    },
    mutations: { retry: false },
  },
});
