import type { LineItem } from '../../../../contract/session'
import { useI18n } from '../../../i18n/i18n-context'
import { formatMoney } from '../../../lib/format'

/** The merchant's line items, if any; names are merchant text, isolated from the layout's direction. */
export function LineItems({ items }: { items: readonly LineItem[] }) {
  const { t, locale } = useI18n()
  if (items.length === 0) return null
  return (
    <section aria-labelledby="items-heading">
      <h3 id="items-heading" className="mb-2 text-sm font-semibold text-slate-700">
        {t('summary.items')}
      </h3>
      <ul className="flex flex-col gap-2">
        {items.map((item, index) => (
          <li key={index} className="flex items-baseline justify-between gap-4 text-base">
            <span className="min-w-0">
              <bdi dir="auto" className="break-words text-slate-900">
                {item.name}
              </bdi>{' '}
              <span className="text-sm text-slate-700">{t('summary.itemQuantity', { quantity: item.quantity })}</span>
            </span>
            <span className="shrink-0 font-medium text-slate-900">{formatMoney(item.amount, locale)}</span>
          </li>
        ))}
      </ul>
    </section>
  )
}
