/** Words the demo enterprises are made of: plausible for Cần Thơ, invented as a whole. */

export const INDUSTRIES = [
  ['May', 'Dệt may'],
  ['May mặc', 'Dệt may'],
  ['Thủy sản', 'Chế biến thủy sản'],
  ['Chế biến Gạo', 'Chế biến lương thực'],
  ['Bao bì', 'Bao bì, in ấn'],
  ['Cơ khí', 'Cơ khí chế tạo'],
  ['Giày da', 'Da giày'],
  ['Dược phẩm', 'Dược phẩm'],
  ['Thực phẩm', 'Chế biến thực phẩm'],
  ['Xây dựng', 'Xây dựng'],
  ['Vận tải', 'Vận tải, kho bãi'],
  ['Nhựa', 'Sản xuất nhựa'],
  ['Chế biến Gỗ', 'Chế biến gỗ'],
  ['Thức ăn Chăn nuôi', 'Thức ăn chăn nuôi'],
] as const;

export const BRANDS = [
  'Tây Đô',
  'Phương Nam',
  'Cửu Long',
  'Mekong',
  'Hậu Giang',
  'Sông Hậu',
  'Thành Đạt',
  'An Phú',
  'Việt Thắng',
  'Bình Minh',
  'Tân Thành',
  'Hòa Bình',
  'Ninh Kiều',
  'Trà Nóc',
  'Phong Điền',
  'Đại Thành',
  'Hưng Phát',
  'Minh Khang',
  'Thiên Lộc',
  'Kim Ngân',
  'Phú Lợi',
  'Vĩnh Hưng',
  'Quốc Tế',
  'Nam Việt',
] as const;

/** Industrial parks of Cần Thơ and the ward each lies in. */
export const PARKS = [
  ['KCN Trà Nóc 1', '31168'],
  ['KCN Trà Nóc 2', '31162'],
  ['KCN Hưng Phú', '31201'],
  ['KCN Thốt Nốt', '31207'],
] as const;

export const STREETS = [
  'đường Lê Hồng Phong',
  'đường Võ Văn Kiệt',
  'đường Nguyễn Văn Cừ',
  'Quốc lộ 91',
  'Quốc lộ 1A',
  'đường Trần Hưng Đạo',
  'đường 30 Tháng 4',
  'đường Cách Mạng Tháng 8',
  'đường Mậu Thân',
];

export const CONTACTS = [
  ['Trần Văn Minh', 'Trưởng phòng nhân sự'],
  ['Nguyễn Thị Hồng', 'Phó giám đốc'],
  ['Lê Quốc Bảo', 'Quản đốc'],
  ['Phạm Thị Thu', 'Kế toán trưởng'],
  ['Võ Thanh Tùng', 'Trưởng phòng hành chính'],
] as const;
