import type { JuspayErrorField } from '../../../contract/errors'
import { fingerprint } from '../../domain/orders'
import type { Parser } from './parsers'

/** One value as the merchant sent it, with the key it used (dotted, underscore or nested). */
export interface Candidate {
  sentAs: string
  value: unknown
}

/** Prefixes whose fields may arrive dotted (`mandate.max_amount`) or nested (`"mandate": {...}`). */
const GROUPS = ['mandate', 'options', 'metadata'] as const
/** Only mandate fields also have an underscore spelling (`mandate_max_amount`, docs/domain/juspay.md#field-spellings). */
const UNDERSCORE_GROUP = 'mandate_'

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** Collects every field's error, so one response names all of them. */
export class FieldErrors {
  private readonly items: JuspayErrorField[] = []
  private readonly failedNames = new Set<string>()

  add(field: string, reason: string): void {
    this.items.push({ field_name: field, reason })
    this.failedNames.add(field)
  }

  failed(field: string): boolean {
    return this.failedNames.has(field)
  }

  list(): JuspayErrorField[] {
    return [...this.items]
  }
}

/**
 * The request's fields under one canonical (dotted) name each, whatever spelling the merchant used.
 * null and "" count as absent, as form bodies and many SDKs send empty optional fields.
 */
export class RequestFields {
  private readonly byName = new Map<string, Candidate[]>()

  constructor(
    body: Record<string, unknown>,
    private readonly errors: FieldErrors,
  ) {
    for (const [key, value] of Object.entries(body)) this.collect(key, value)
  }

  /** Canonical names present under a prefix, e.g. all `metadata.*` keys. */
  namesUnder(prefix: string): string[] {
    return [...this.byName.keys()].filter((name) => name.startsWith(prefix))
  }

  /** The raw values sent for a field, for fields whose parser reports more than one reason. */
  candidates(name: string): readonly Candidate[] {
    return this.byName.get(name) ?? []
  }

  has(name: string): boolean {
    return this.byName.has(name)
  }

  /**
   * Parses a field; undefined when absent or invalid (the reason is recorded). Spellings that parse
   * to different values are an error rather than a silent pick.
   */
  read<T>(name: string, parse: Parser<T>): T | undefined {
    const candidates = this.byName.get(name)
    if (!candidates) return undefined
    const parsed: T[] = []
    for (const candidate of candidates) {
      const result = parse(candidate.value)
      if (!result.ok) {
        this.errors.add(name, candidate.sentAs === name ? result.reason : `${result.reason} (sent as ${candidate.sentAs})`)
        return undefined
      }
      parsed.push(result.value)
    }
    const [first] = parsed
    // Only a field sent under several spellings has values to compare (hashing every field cost a tenth of POST /session).
    if (parsed.length > 1 && parsed.some((value) => fingerprint(value) !== fingerprint(first))) {
      const spellings = candidates.map((c) => c.sentAs).join(', ')
      this.errors.add(name, `is given more than once with different values (${spellings}); send it once`)
      return undefined
    }
    return first
  }

  private collect(key: string, value: unknown): void {
    const group = GROUPS.find((g) => g === key)
    if (group) {
      if (value === null) return
      if (!isRecord(value)) {
        this.errors.add(group, 'must be an object')
        return
      }
      for (const [inner, innerValue] of Object.entries(value)) this.add(`${group}.${inner}`, `${group}.${inner} (nested)`, innerValue)
      return
    }
    if (key.startsWith(UNDERSCORE_GROUP)) {
      this.add(`mandate.${key.slice(UNDERSCORE_GROUP.length)}`, key, value)
      return
    }
    this.add(key, key, value)
  }

  private add(name: string, sentAs: string, value: unknown): void {
    if (value === null || value === undefined || value === '') return
    const list = this.byName.get(name) ?? []
    list.push({ sentAs, value })
    this.byName.set(name, list)
  }
}

export { isRecord }
