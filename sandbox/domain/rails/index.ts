import type { Rail } from '../../../contract/rail'
import type { RailDefinition } from './definition'
import { netbanking, type NetbankingStartError } from './netbanking'
import { upi, type UpiStartError } from './upi'

/** Why a rail refuses to start an attempt. */
export type RailStartError = UpiStartError | NetbankingStartError

/** The rails' rules, one entry per rail in `RAILS` (contract/rail.ts): a rail without one fails to compile. */
export const RAIL_RULES: { [R in Rail]: RailDefinition<R, RailStartError> } = { upi, netbanking }

/** The rules of the rail an attempt, its part or its start request is on, typed to that rail. */
export const railOf = <R extends Rail>(subject: { rail: R }): RailDefinition<R, RailStartError> => RAIL_RULES[subject.rail]
