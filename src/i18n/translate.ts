import type { Catalog, MessageKey } from './en'

export type MessageParams = Readonly<Record<string, string | number>>

/** Fills `{name}` placeholders. A missing parameter is a programming error and shows as the raw placeholder. */
export function format(template: string, params?: MessageParams): string {
  if (!params) return template
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name]
    return value === undefined ? whole : String(value)
  })
}

export function translate(catalog: Catalog, key: MessageKey, params?: MessageParams): string {
  return format(catalog[key], params)
}
