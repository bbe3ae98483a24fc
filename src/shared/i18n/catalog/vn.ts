/** Messages of the Vietnamese data validators (src/shared/vn), keyed by issue code. */
export const vnVi = {
  required: 'Không được để trống.',

  'tax_code.required': 'Chưa nhập mã số thuế.',
  'tax_code.too_long': 'Mã số thuế quá dài (tối đa {max} ký tự).',
  'tax_code.format':
    'Mã số thuế gồm 10 chữ số, hoặc 10 chữ số, dấu gạch ngang và 3 chữ số của đơn vị phụ thuộc (ví dụ 0100233488-001).',
  'tax_code.checksum': 'Mã số thuế không đúng (sai chữ số kiểm tra). Vui lòng kiểm tra lại.',
  'tax_code.branch': 'Mã đơn vị phụ thuộc (3 chữ số sau dấu gạch ngang) không được là 000.',

  'phone.required': 'Chưa nhập số điện thoại.',
  'phone.too_long': 'Số điện thoại quá dài (tối đa {max} ký tự).',
  'phone.format':
    'Số điện thoại chỉ gồm chữ số, bắt đầu bằng 0 hoặc +84 (được dùng dấu cách, dấu chấm, gạch ngang).',
  'phone.country': 'Chỉ nhận số điện thoại Việt Nam (+84).',
  'phone.length':
    'Số điện thoại có 10 chữ số (di động) hoặc 11 chữ số (cố định), tính cả số 0 đầu; số vừa nhập có {count} chữ số.',
  'phone.prefix': 'Đầu số {prefix} không phải đầu số di động Việt Nam.',

  'id_number.required': 'Chưa nhập số CCCD/hộ chiếu.',
  'id_number.too_long': 'Số giấy tờ quá dài (tối đa {max} ký tự).',
  'id_number.format': 'Số CCCD gồm 12 chữ số (CMND cũ: 9 chữ số).',
  'id_number.province': 'Ba chữ số đầu của số CCCD ({code}) không phải mã tỉnh, thành phố.',
  'id_number.century':
    'Chữ số thứ tư của số CCCD ({digit}) không hợp lệ: chỉ có thể là 0, 1 (sinh 1900–1999) hoặc 2, 3 (sinh 2000–2099).',
  'id_number.gender_mismatch': 'Giới tính theo số CCCD khác với giới tính đã nhập.',
  'id_number.birth_year_mismatch':
    'Năm sinh theo số CCCD ({idYear}) khác với năm sinh đã nhập ({year}).',
  'id_number.legacy_cmnd':
    'Đây là số CMND cũ (9 chữ số). Nên ghi số CCCD 12 chữ số nếu người lao động đã có.',
  'id_number.passport': 'Số hộ chiếu gồm 6–20 chữ cái và chữ số, có ít nhất một chữ số.',

  'date.required': 'Chưa nhập ngày.',
  'date.too_long': 'Ngày quá dài (tối đa {max} ký tự).',
  'date.format': 'Ngày phải ghi theo dạng ngày/tháng/năm, ví dụ 29/02/2024.',
  'date.invalid': 'Tháng {month} năm {year} không có ngày {day}.',
  'date.month': 'Không có tháng {month}: tháng chỉ từ 1 đến 12.',
  'date.year': 'Năm {year} không hợp lệ: hãy kiểm tra lại.',
};

export type VnKey = keyof typeof vnVi;
