/** Shell wording: page chrome, loading and error states, language switcher. */
export const common = {
  'common.language.label': 'Language',
} as const
