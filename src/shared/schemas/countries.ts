/**
 * The 249 officially assigned ISO 3166-1 alpha-2 codes: what a nationality may be. Names are not
 * kept here: the UI asks `Intl.DisplayNames` for them in its own language. Exceptionally
 * reserved codes (UK, EU, …) and user-assigned ones (XK, ZZ, …) are not countries of the list.
 */
const CODES =
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ ' +
  'BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM ' +
  'DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS ' +
  'GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN ' +
  'KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ ' +
  'MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM ' +
  'PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV ' +
  'SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI ' +
  'VN VU WF WS YE YT ZA ZM ZW';

// Built on first use: a top-level `new Set(...split())` would survive tree-shaking.
let codes: readonly string[] | undefined;
let codeSet: ReadonlySet<string> | undefined;

export function countryCodes(): readonly string[] {
  codes ??= Object.freeze(CODES.split(' '));
  return codes;
}

/** True for an assigned ISO 3166-1 alpha-2 code, upper case (`VN`, not `vn` nor `VNM`). */
export function isCountryCode(code: string): boolean {
  codeSet ??= new Set(countryCodes());
  return codeSet.has(code);
}
