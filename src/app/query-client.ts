import { QueryClient } from '@tanstack/react-query'
import { shouldRetrySession } from '../features/session/api/session-queries'

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: shouldRetrySession,
        retryDelay: (attempt) => Math.min(500 * 2 ** attempt, 2000),
        refetchOnWindowFocus: false,
        staleTime: 30_000,
      },
      mutations: { retry: false },
    },
  })
}
