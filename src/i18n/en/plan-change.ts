/**
 * A session that pays for a plan change: the plans, what is paid now and how it is worked out,
 * from when the new price applies, how long the quote holds, and what success or failure means
 * for the plan. The interval words ("a month", "every month") are the schedule's (`schedule.per.*`,
 * `schedule.every.*`).
 */
export const planChange = {
  'planChange.heading': 'Change your plan',
  'planChange.from': 'Current plan: {name}, {amount} {per}',
  'planChange.to': 'New plan: {name}, {amount} {per}',
  'planChange.breakdown': 'How the amount to pay now is worked out',
  'planChange.credit': 'Credit for the unused days of {name}',
  'planChange.creditAmount': '−{amount}',
  'planChange.charge': '{name} for the same days',
  'planChange.heldCredit': 'Credit from an earlier plan change',
  'planChange.covers': 'Days covered',
  'planChange.coversDays.one': '{from} – {until} (1 day)',
  'planChange.coversDays.other': '{from} – {until} ({days} days)',
  'planChange.payNow': 'To pay now',
  'planChange.next': 'From {date}: {amount} {period}',
  'planChange.newMandate': 'This payment sets up a new mandate for {name}. It replaces your current mandate once it is active.',
  'planChange.quote.label': 'This quote holds for',
  'planChange.quote.minute': '1 minute left on this quote',
  'planChange.quote.minutes': '{n} minutes left on this quote',
  'planChange.quote.seconds': '{n} seconds left on this quote',
  'planChange.quote.expired': 'This quote has expired. Ask {merchant} for a new link.',
  'planChange.success.changed': 'Your plan has changed to {name}.',
  'planChange.success.next': 'Next charge: {amount} on {date}',
  'planChange.failure.unchanged': 'Nothing has changed: you stay on {name}, and your billing dates are unchanged.',
} as const
