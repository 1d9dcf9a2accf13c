import { useMutation } from '@tanstack/react-query'
import { verifyVpa } from './vpa-api'

/** Verify VPA: the account holder's name and whether the handle supports AutoPay. Changes nothing in the session. */
export function useVerifyVpa(pageId: string) {
  const mutation = useMutation({ mutationFn: (vpa: string) => verifyVpa(pageId, vpa), retry: false, throwOnError: true })
  const { mutateAsync } = mutation
  return { run: (vpa: string) => mutateAsync(vpa).catch(() => null), pending: mutation.isPending, data: mutation.data ?? null }
}
