import type { InstallMessages } from '../installMessages.ts';

/** Japanese texts of the install page (Bitrix24 `ja`). */
export const ja = {
  title: 'Chat Drop をインストール',
  manageTitle: 'Chat Drop のインストール状況',
  intro:
    'Chat Drop はすべてのチャットにボタンを追加します: チャットのサイドバーとメッセージ欄の上です。そこにファイルをドロップすると、チャットに送信されます。',
  waiting: 'インストールを準備しています。',
  'step.check-admin': '管理者権限を確認',
  'step.read-bindings': '現在のウィジェット設定を読み取り',
  'step.bind-IM_SIDEBAR': 'チャットのサイドバーに Chat Drop を追加',
  'step.bind-IM_TEXTAREA': 'メッセージ欄の上に Chat Drop を追加',
  'step.finish': 'インストールを完了',
  'state.pending': '待機中',
  'state.running': '実行中',
  'state.done': '完了',
  'state.skipped': 'スキップ',
  'state.failed': '失敗',
  'outcome.bound': '追加しました',
  'outcome.unchanged': '設定済み',
  'outcome.replaced': 'このアドレスに移動しました',
  installed:
    'Chat Drop がインストールされました。Bitrix24 がページを再読み込みします。その後、任意のチャットを開いてください。',
  repaired: '完了: ウィジェットはこのアドレスを指しています。',
  retry: '再試行',
  repair: '修復',
  repairing: '修復中…',
  reload: '再確認',
  loadingState: 'インストール状況を読み取っています…',
  details: '詳細',
  detailsCode: 'エラーコード: {code}',
  detailsText: 'ポータルからのメッセージ: {detail}',
  'placement.IM_SIDEBAR': 'チャットのサイドバー',
  'placement.IM_TEXTAREA': 'メッセージ欄の上',
  columnPlace: '場所',
  columnAddress: 'アドレス',
  columnState: '状態',
  'row.current': 'このアドレスに登録済み',
  'row.other': '別のアドレスに登録済み',
  'row.outdated': 'ここに登録済み (旧バージョンの設定)',
  'row.multiple': '複数回登録されています',
  'row.missing': '未登録',
  thisAddress: 'このアプリは {handler} で動作しています',
  healthy: 'すべて設定済みです。',
  unhealthy:
    '一部のウィジェットがないか、別のアドレスを指しています。「修復」でこのアドレスに登録し直します。',
  notAdminInstall:
    'Chat Drop をインストールできるのは Bitrix24 の管理者だけです。管理者に、アプリケーションからアプリを一度開くよう依頼してください。',
  notAdminManage:
    'Chat Drop はチャットの中で動作します。チャットを開き、サイドバーまたはメッセージ欄の上で Chat Drop を選択してください。インストール設定は管理者にのみ表示されます。',
  'error.ACCESS_DENIED':
    'Bitrix24 に拒否されました: メッセンジャーにウィジェットを追加できるのは管理者だけです。管理者に、アプリケーションからアプリを一度開くよう依頼してください。',
  'error.scope':
    'アプリに {scopes} の権限がありません。管理者が アプリケーション → 開発者向けリソース → 連携 → Chat Drop → 編集 を開き、「権限の割り当て」で {scopes} にチェックを入れて保存し、アプリを開き直す必要があります。',
  'error.WRONG_AUTH_TYPE':
    'Bitrix24 はこの手順をアプリ自身からしか受け付けません。直接リンクではなく、Bitrix24 のアプリケーションメニューから Chat Drop を開いてください。',
  'error.handler':
    'Bitrix24 はウィジェットのアドレスとして {handler} を受け付けません。ドメイン名のある公開 https:// アドレスでアプリを提供し、もう一度インストールしてください。',
  'error.auth':
    'Bitrix24 とのセッションの有効期限が切れました。ページを再読み込みしてもう一度お試しください。',
  'error.busy': 'Bitrix24 は現在混雑しています。1 分ほど待ってからもう一度お試しください。',
  'error.transport': 'Bitrix24 に接続できませんでした。接続を確認してもう一度お試しください。',
  'error.generic':
    'インストールに失敗しました。もう一度お試しください。失敗が続く場合は、詳細を管理者に送ってください。',
} as const satisfies InstallMessages;
