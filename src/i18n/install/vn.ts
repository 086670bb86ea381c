import type { InstallMessages } from '../installMessages.ts';

/** Vietnamese texts of the install page (Bitrix24 `vn`). */
export const vn = {
  title: 'Cài đặt Chat Drop',
  manageTitle: 'Cài đặt của Chat Drop',
  intro:
    'Chat Drop thêm một nút vào mọi cuộc trò chuyện: ở thanh bên của cuộc trò chuyện và phía trên ô nhập tin nhắn. Thả tệp vào đó để gửi vào cuộc trò chuyện.',
  waiting: 'Đang chuẩn bị cài đặt.',
  'step.check-admin': 'Kiểm tra quyền quản trị viên',
  'step.read-bindings': 'Đọc cài đặt widget hiện tại',
  'step.bind-IM_SIDEBAR': 'Thêm Chat Drop vào thanh bên của cuộc trò chuyện',
  'step.bind-IM_TEXTAREA': 'Thêm Chat Drop phía trên ô nhập tin nhắn',
  'step.finish': 'Hoàn tất cài đặt',
  'state.pending': 'Đang chờ',
  'state.running': 'Đang thực hiện',
  'state.done': 'Xong',
  'state.skipped': 'Đã bỏ qua',
  'state.failed': 'Thất bại',
  'outcome.bound': 'đã thêm',
  'outcome.unchanged': 'đã có sẵn',
  'outcome.replaced': 'đã chuyển sang địa chỉ này',
  installed:
    'Chat Drop đã được cài đặt. Bitrix24 đang tải lại trang; sau đó hãy mở một cuộc trò chuyện bất kỳ.',
  repaired: 'Xong: các widget đã trỏ đến địa chỉ này.',
  retry: 'Thử lại',
  repair: 'Sửa',
  repairing: 'Đang sửa…',
  reload: 'Kiểm tra lại',
  loadingState: 'Đang đọc cài đặt…',
  details: 'Chi tiết',
  detailsCode: 'Mã lỗi: {code}',
  detailsText: 'Thông báo của cổng thông tin: {detail}',
  'placement.IM_SIDEBAR': 'Thanh bên của cuộc trò chuyện',
  'placement.IM_TEXTAREA': 'Phía trên ô nhập tin nhắn',
  columnPlace: 'Vị trí',
  columnAddress: 'Địa chỉ',
  columnState: 'Trạng thái',
  'row.current': 'Đã gắn với địa chỉ này',
  'row.other': 'Đã gắn với địa chỉ khác',
  'row.outdated': 'Đã gắn ở đây, với cài đặt của phiên bản cũ',
  'row.multiple': 'Đã gắn nhiều lần',
  'row.missing': 'Chưa gắn',
  thisAddress: 'Ứng dụng này chạy tại {handler}',
  healthy: 'Mọi thứ đã sẵn sàng.',
  unhealthy: 'Một số widget bị thiếu hoặc trỏ đến địa chỉ khác. Sửa sẽ gắn chúng với địa chỉ này.',
  notAdminInstall:
    'Chỉ quản trị viên Bitrix24 mới có thể cài đặt Chat Drop. Hãy nhờ quản trị viên mở ứng dụng một lần từ Ứng dụng.',
  notAdminManage:
    'Chat Drop hoạt động bên trong các cuộc trò chuyện: mở một cuộc trò chuyện và chọn Chat Drop ở thanh bên hoặc phía trên ô nhập tin nhắn. Chỉ quản trị viên mới thấy cài đặt.',
  'error.ACCESS_DENIED':
    'Bitrix24 từ chối: chỉ quản trị viên mới có thể thêm widget vào trình nhắn tin. Hãy nhờ quản trị viên mở ứng dụng một lần từ Ứng dụng.',
  'error.scope':
    'Ứng dụng thiếu quyền {scopes}. Quản trị viên cần mở Ứng dụng → Tài nguyên nhà phát triển → Tích hợp → Chat Drop → Chỉnh sửa, đánh dấu {scopes} trong mục "Gán quyền", lưu lại và mở lại ứng dụng.',
  'error.WRONG_AUTH_TYPE':
    'Bitrix24 chỉ chấp nhận bước này từ chính ứng dụng. Hãy mở Chat Drop từ menu Ứng dụng của Bitrix24, không phải từ liên kết trực tiếp.',
  'error.handler':
    'Bitrix24 không chấp nhận địa chỉ {handler} cho widget. Hãy phục vụ ứng dụng từ một địa chỉ https:// công khai có tên miền và cài đặt lại.',
  'error.auth': 'Phiên làm việc với Bitrix24 đã hết hạn. Hãy tải lại trang và thử lại.',
  'error.busy': 'Bitrix24 đang bận. Hãy chờ một phút rồi thử lại.',
  'error.transport': 'Không kết nối được với Bitrix24. Hãy kiểm tra kết nối và thử lại.',
  'error.generic':
    'Cài đặt thất bại. Hãy thử lại; nếu vẫn lỗi, hãy gửi chi tiết cho quản trị viên.',
} as const satisfies InstallMessages;
