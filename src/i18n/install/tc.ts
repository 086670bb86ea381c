import type { InstallMessages } from '../installMessages.ts';

/** Traditional Chinese texts of the install page (Bitrix24 `tc`). */
export const tc = {
  title: '安裝 Chat Drop',
  manageTitle: 'Chat Drop 安裝狀態',
  intro:
    'Chat Drop 會在每個聊天中新增一個按鈕：位於聊天側邊欄和訊息欄上方。將檔案拖放到那裡，即可傳送到聊天。',
  waiting: '正在準備安裝。',
  'step.check-admin': '檢查管理員權限',
  'step.read-bindings': '讀取目前的小工具設定',
  'step.bind-IM_SIDEBAR': '將 Chat Drop 新增到聊天側邊欄',
  'step.bind-IM_TEXTAREA': '將 Chat Drop 新增到訊息欄上方',
  'step.finish': '完成安裝',
  'state.pending': '等待中',
  'state.running': '進行中',
  'state.done': '已完成',
  'state.skipped': '已略過',
  'state.failed': '失敗',
  'outcome.bound': '已新增',
  'outcome.unchanged': '已就緒',
  'outcome.replaced': '已移至此位址',
  installed: 'Chat Drop 已安裝。Bitrix24 正在重新載入頁面；之後請開啟任一聊天。',
  repaired: '完成：小工具已指向此位址。',
  retry: '重試',
  repair: '修復',
  repairing: '正在修復…',
  reload: '重新檢查',
  loadingState: '正在讀取安裝狀態…',
  details: '詳細資料',
  detailsCode: '錯誤代碼：{code}',
  detailsText: '入口網站訊息：{detail}',
  'placement.IM_SIDEBAR': '聊天側邊欄',
  'placement.IM_TEXTAREA': '訊息欄上方',
  columnPlace: '位置',
  columnAddress: '位址',
  columnState: '狀態',
  'row.current': '已繫結到此位址',
  'row.other': '已繫結到其他位址',
  'row.outdated': '已繫結到此處，但使用舊版本的設定',
  'row.multiple': '已繫結多次',
  'row.missing': '未繫結',
  thisAddress: '此應用程式在 {handler} 上執行',
  healthy: '一切就緒。',
  unhealthy: '部分小工具遺失或指向其他位址。「修復」會將它們繫結到此位址。',
  notAdminInstall:
    '只有 Bitrix24 管理員才能安裝 Chat Drop。請管理員從「應用程式」中開啟此應用程式一次。',
  notAdminManage:
    'Chat Drop 在聊天中使用：開啟聊天，在側邊欄或訊息欄上方選擇 Chat Drop。安裝設定僅管理員可見。',
  'error.ACCESS_DENIED':
    'Bitrix24 拒絕了操作：只有管理員才能在訊息中心新增小工具。請管理員從「應用程式」中開啟此應用程式一次。',
  'error.scope':
    '應用程式缺少 {scopes} 權限。管理員需要開啟「應用程式」→「開發人員資源」→「整合」→ Chat Drop →「編輯」，在「指派權限」中勾選 {scopes}，儲存後重新開啟應用程式。',
  'error.WRONG_AUTH_TYPE':
    'Bitrix24 只接受來自應用程式本身的此步驟。請從您 Bitrix24 的「應用程式」選單開啟 Chat Drop，而不是透過直接連結。',
  'error.handler':
    'Bitrix24 不接受 {handler} 作為小工具位址。請透過具有網域名稱的公開 https:// 位址提供應用程式，然後重新安裝。',
  'error.auth': '與 Bitrix24 的工作階段已過期。請重新載入頁面後再試一次。',
  'error.busy': 'Bitrix24 目前忙碌中。請稍候一分鐘後再試一次。',
  'error.transport': '無法連線到 Bitrix24。請檢查網路連線後再試一次。',
  'error.generic': '安裝失敗。請再試一次；如果仍然失敗，請將詳細資料傳送給您的管理員。',
} as const satisfies InstallMessages;
