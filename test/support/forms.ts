// One valid request form, as a team member fills it in; tests change the fields they are about.
export const VALID_FORM = {
  amount: '85,50',
  description: 'Nieuwe koelkast om insuline koel te houden',
  supplierName: 'Witgoedhandel Noord',
  supplierIban: 'NL91 ABNA 0417 1643 00',
  categorySlug: 'witgoed',
  caseRef: 'WT-2026-014',
  reason: 'no_provision',
  reasonText: '',
};
