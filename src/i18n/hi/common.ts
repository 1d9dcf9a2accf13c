import type { common as en } from '../en/common'

export const common: Record<keyof typeof en, string> = {
  'common.language.label': 'भाषा',
  'common.language.en': 'English',
  'common.language.hi': 'हिन्दी',
}
