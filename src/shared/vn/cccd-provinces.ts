/**
 * Birth-registration province codes printed as the first three digits of a CCCD (Circular
 * 07/2016/TT-BCA, Annex I): the 63 pre-2025 provinces, i.e. the statistics office codes with a
 * leading 0. Cards keep these codes after the 2025 merger, so this list never shrinks.
 */
const CODES =
  '001 002 004 006 008 010 011 012 014 015 017 019 020 022 024 025 026 027 030 031 033 034 ' +
  '035 036 037 038 040 042 044 045 046 048 049 051 052 054 056 058 060 062 064 066 067 068 ' +
  '070 072 074 075 077 079 080 082 083 084 086 087 089 091 092 093 094 095 096';

// Built on first use: a top-level `new Set(...split())` would survive tree-shaking.
let codeSet: ReadonlySet<string> | undefined;

export function cccdProvinceCodes(): ReadonlySet<string> {
  codeSet ??= new Set(CODES.split(' '));
  return codeSet;
}
