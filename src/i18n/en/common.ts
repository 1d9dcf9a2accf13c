/** Shell wording: page chrome, loading and error states, language switcher. */
export const common = {
  'common.language.label': 'Language',
  'common.language.en': 'English',
  'common.language.hi': 'हिन्दी',
} as const
