import * as z from 'zod/mini'

export const AUTH_MODES = ['netbanking', 'debit_card', 'aadhaar'] as const
export const AuthMode = z.enum(AUTH_MODES)
export type AuthMode = z.infer<typeof AuthMode>

/** Account types an API eMandate accepts (docs/domain/enach.md#accounts-and-ifsc). */
export const ACCOUNT_TYPES = ['SAVINGS', 'CURRENT', 'CASH_CREDIT', 'OTHER'] as const
export const AccountType = z.enum(ACCOUNT_TYPES)
export type AccountType = z.infer<typeof AccountType>

/** IFSC: four letters (bank), a zero, six letters or digits (branch). */
export const IFSC_PATTERN = /^[A-Z]{4}0[A-Z0-9]{6}$/
/** Account numbers: 5 to 35 letters or digits (docs/domain/enach.md#accounts-and-ifsc). */
export const ACCOUNT_NUMBER_PATTERN = /^[A-Za-z0-9]{5,35}$/
/** Account holder names: letters, spaces and . ' - only, as banks match them. */
export const HOLDER_NAME_PATTERN = /^[A-Za-z][A-Za-z .'-]{0,98}[A-Za-z.]$/

export interface Bank {
  /** NPCI bank code; also the IFSC prefix of its branches. */
  code: string
  name: string
  modes: readonly AuthMode[]
  popular: boolean
}

const ALL: readonly AuthMode[] = ['netbanking', 'debit_card', 'aadhaar']
const NB_DC: readonly AuthMode[] = ['netbanking', 'debit_card']
const NB: readonly AuthMode[] = ['netbanking']
const DC: readonly AuthMode[] = ['debit_card']
const AADHAAR: readonly AuthMode[] = ['aadhaar']

/**
 * Banks on the sandbox's eNACH rail with the auth modes each offers here. Codes and names are
 * real; the mode support is sandbox data chosen to cover every case (all modes, no Aadhaar,
 * card only, Aadhaar only), not a live NPCI list.
 */
export const BANKS: readonly Bank[] = [
  { code: 'SBIN', name: 'State Bank of India', modes: ALL, popular: true },
  { code: 'HDFC', name: 'HDFC Bank', modes: ALL, popular: true },
  { code: 'ICIC', name: 'ICICI Bank', modes: ALL, popular: true },
  { code: 'UTIB', name: 'Axis Bank', modes: ALL, popular: true },
  { code: 'KKBK', name: 'Kotak Mahindra Bank', modes: NB_DC, popular: true },
  { code: 'PUNB', name: 'Punjab National Bank', modes: ALL, popular: true },
  { code: 'BARB', name: 'Bank of Baroda', modes: ALL, popular: true },
  { code: 'CNRB', name: 'Canara Bank', modes: NB_DC, popular: true },
  { code: 'UBIN', name: 'Union Bank of India', modes: ALL, popular: false },
  { code: 'BKID', name: 'Bank of India', modes: NB_DC, popular: false },
  { code: 'IOBA', name: 'Indian Overseas Bank', modes: NB_DC, popular: false },
  { code: 'IDIB', name: 'Indian Bank', modes: ALL, popular: false },
  { code: 'CBIN', name: 'Central Bank of India', modes: NB, popular: false },
  { code: 'MAHB', name: 'Bank of Maharashtra', modes: NB_DC, popular: false },
  { code: 'UCBA', name: 'UCO Bank', modes: NB, popular: false },
  { code: 'PSIB', name: 'Punjab & Sind Bank', modes: NB, popular: false },
  { code: 'YESB', name: 'Yes Bank', modes: ALL, popular: false },
  { code: 'INDB', name: 'IndusInd Bank', modes: ALL, popular: false },
  { code: 'IDFB', name: 'IDFC FIRST Bank', modes: ALL, popular: false },
  { code: 'IBKL', name: 'IDBI Bank', modes: NB_DC, popular: false },
  { code: 'FDRL', name: 'Federal Bank', modes: ALL, popular: false },
  { code: 'RATN', name: 'RBL Bank', modes: NB_DC, popular: false },
  { code: 'KARB', name: 'Karnataka Bank', modes: NB_DC, popular: false },
  { code: 'KVBL', name: 'Karur Vysya Bank', modes: NB_DC, popular: false },
  { code: 'SIBL', name: 'South Indian Bank', modes: NB_DC, popular: false },
  { code: 'CIUB', name: 'City Union Bank', modes: NB, popular: false },
  { code: 'TMBL', name: 'Tamilnad Mercantile Bank', modes: NB, popular: false },
  { code: 'DCBL', name: 'DCB Bank', modes: NB_DC, popular: false },
  { code: 'JAKA', name: 'Jammu & Kashmir Bank', modes: NB, popular: false },
  { code: 'DLXB', name: 'Dhanlaxmi Bank', modes: NB, popular: false },
  { code: 'CSBK', name: 'CSB Bank', modes: NB, popular: false },
  { code: 'BDBL', name: 'Bandhan Bank', modes: NB_DC, popular: false },
  { code: 'AUBL', name: 'AU Small Finance Bank', modes: ALL, popular: false },
  { code: 'ESFB', name: 'Equitas Small Finance Bank', modes: NB_DC, popular: false },
  { code: 'UJVN', name: 'Ujjivan Small Finance Bank', modes: DC, popular: false },
  { code: 'SURY', name: 'Suryoday Small Finance Bank', modes: NB, popular: false },
  { code: 'UTKS', name: 'Utkarsh Small Finance Bank', modes: NB, popular: false },
  { code: 'JSFB', name: 'Jana Small Finance Bank', modes: NB, popular: false },
  { code: 'SCBL', name: 'Standard Chartered Bank', modes: NB_DC, popular: false },
  { code: 'HSBC', name: 'HSBC', modes: NB_DC, popular: false },
  { code: 'CITI', name: 'Citibank', modes: NB, popular: false },
  { code: 'DBSS', name: 'DBS Bank India', modes: NB_DC, popular: false },
  { code: 'SRCB', name: 'Saraswat Co-operative Bank', modes: NB, popular: false },
  { code: 'COSB', name: 'Cosmos Co-operative Bank', modes: NB, popular: false },
  { code: 'SVCB', name: 'SVC Co-operative Bank', modes: NB, popular: false },
  { code: 'AIRP', name: 'Airtel Payments Bank', modes: AADHAAR, popular: false },
  { code: 'IPOS', name: 'India Post Payments Bank', modes: AADHAAR, popular: false },
]

export const bankByCode = (code: string): Bank | undefined => BANKS.find((b) => b.code === code)

/** What the customer gives for an eNACH registration; the account number travels only in this body. */
export const EnachDetails = z.object({
  bankCode: z.string().check(z.regex(/^[A-Z]{4}$/)),
  authMode: AuthMode,
  accountHolderName: z.string().check(z.regex(HOLDER_NAME_PATTERN)),
  accountNumber: z.string().check(z.regex(ACCOUNT_NUMBER_PATTERN)),
  ifsc: z.string().check(z.regex(IFSC_PATTERN)),
  accountType: AccountType,
})
export type EnachDetails = z.infer<typeof EnachDetails>

/**
 * The bank side of a net banking attempt as the page sees it — an eNACH registration, or a plain
 * net banking payment (no account: the bank knows it from the login). Never the full account number.
 */
export const NetbankingAttemptDetail = z.object({
  bankCode: z.string(),
  bankName: z.string(),
  authMode: AuthMode,
  account: z.nullable(z.object({ numberMasked: z.string(), ifsc: z.string(), accountType: AccountType })),
  /** The simulated bank's page for this attempt (one-time link). */
  bankUrl: z.string(),
  /** Before the customer authenticates at the bank, then while the bank confirms. */
  stage: z.enum(['awaiting_customer', 'awaiting_bank']),
  umrn: z.nullable(z.string()),
})
export type NetbankingAttemptDetail = z.infer<typeof NetbankingAttemptDetail>
