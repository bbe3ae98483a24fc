import { defineMessages } from './types';

/** Messages of the Vietnamese data validators (src/shared/vn), keyed by issue code. */
export const vnMessages = defineMessages(
  {
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
      'Số điện thoại phải có {digits} chữ số (di động 10 số, cố định 11 số, tính cả số 0 đầu).',
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
    'date.invalid': 'Ngày này không có trên lịch (ví dụ 31/04, hoặc 29/02 của năm không nhuận).',
  },
  {
    required: 'This field is required.',

    'tax_code.required': 'Enter the tax code.',
    'tax_code.too_long': 'The tax code is too long (at most {max} characters).',
    'tax_code.format':
      'A tax code has 10 digits, or 10 digits, a dash and a 3-digit branch number (e.g. 0100233488-001).',
    'tax_code.checksum': 'This tax code is not valid (wrong check digit). Please check it.',
    'tax_code.branch': 'The branch number (the 3 digits after the dash) cannot be 000.',

    'phone.required': 'Enter the phone number.',
    'phone.too_long': 'The phone number is too long (at most {max} characters).',
    'phone.format':
      'A phone number has only digits and starts with 0 or +84 (spaces, dots and dashes are fine).',
    'phone.country': 'Only Vietnamese phone numbers (+84) are accepted.',
    'phone.length':
      'The phone number must have {digits} digits (mobile 10, landline 11, counting the leading 0).',
    'phone.prefix': '{prefix} is not a Vietnamese mobile prefix.',

    'id_number.required': 'Enter the ID card or passport number.',
    'id_number.too_long': 'The ID number is too long (at most {max} characters).',
    'id_number.format': 'A citizen ID (CCCD) number has 12 digits (old CMND: 9 digits).',
    'id_number.province':
      'The first three digits of the CCCD number ({code}) are not a province code.',
    'id_number.century':
      'The fourth digit of the CCCD number ({digit}) is not valid: it can only be 0, 1 (born 1900–1999) or 2, 3 (born 2000–2099).',
    'id_number.gender_mismatch': 'The sex encoded in the CCCD number differs from the one entered.',
    'id_number.birth_year_mismatch':
      'The birth year encoded in the CCCD number ({idYear}) differs from the one entered ({year}).',
    'id_number.legacy_cmnd':
      'This is an old 9-digit CMND number. Enter the 12-digit CCCD number if the worker has one.',
    'id_number.passport': 'A passport number has 6–20 letters and digits, with at least one digit.',

    'date.required': 'Enter the date.',
    'date.too_long': 'The date is too long (at most {max} characters).',
    'date.format': 'Write the date as day/month/year, e.g. 29/02/2024.',
    'date.invalid': 'This date does not exist (e.g. 31/04, or 29/02 in a non-leap year).',
  },
);
