import type { InstallMessages } from '../installMessages.ts';

/** Arabic texts of the install page (Bitrix24 `ar`). */
export const ar = {
  title: 'تثبيت Chat Drop',
  manageTitle: 'تثبيت Chat Drop',
  intro:
    'يضيف Chat Drop زرًا إلى كل دردشة: في الشريط الجانبي للدردشة وفوق حقل الرسالة. أفلت الملفات هناك لإرسالها إلى الدردشة.',
  waiting: 'جارٍ تجهيز التثبيت.',
  'step.check-admin': 'التحقق من صلاحيات المسؤول',
  'step.read-bindings': 'قراءة إعدادات الأدوات الحالية',
  'step.bind-IM_SIDEBAR': 'إضافة Chat Drop إلى الشريط الجانبي للدردشة',
  'step.bind-IM_TEXTAREA': 'إضافة Chat Drop فوق حقل الرسالة',
  'step.finish': 'إنهاء التثبيت',
  'state.pending': 'قيد الانتظار',
  'state.running': 'قيد التنفيذ',
  'state.done': 'تم',
  'state.skipped': 'تم التخطي',
  'state.failed': 'فشل',
  'outcome.bound': 'أُضيفت',
  'outcome.unchanged': 'موجودة بالفعل',
  'outcome.replaced': 'نُقلت إلى هذا العنوان',
  installed: 'تم تثبيت Chat Drop. يعيد Bitrix24 تحميل الصفحة الآن؛ ثم افتح أي دردشة.',
  repaired: 'تم: تشير الأدوات إلى هذا العنوان.',
  retry: 'إعادة المحاولة',
  repair: 'إصلاح',
  repairing: 'جارٍ الإصلاح…',
  reload: 'التحقق مرة أخرى',
  loadingState: 'جارٍ قراءة التثبيت…',
  details: 'التفاصيل',
  detailsCode: 'رمز الخطأ: {code}',
  detailsText: 'رسالة البوابة: {detail}',
  'placement.IM_SIDEBAR': 'الشريط الجانبي للدردشة',
  'placement.IM_TEXTAREA': 'فوق حقل الرسالة',
  columnPlace: 'المكان',
  columnAddress: 'العنوان',
  columnState: 'الحالة',
  'row.current': 'مرتبطة بهذا العنوان',
  'row.other': 'مرتبطة بعنوان آخر',
  'row.outdated': 'مرتبطة هنا، لكن بإعدادات إصدار أقدم',
  'row.multiple': 'مرتبطة أكثر من مرة',
  'row.missing': 'غير مرتبطة',
  thisAddress: 'يعمل هذا التطبيق على {handler}',
  healthy: 'كل شيء في مكانه.',
  unhealthy: 'بعض الأدوات مفقودة أو تشير إلى عنوان آخر. يربطها «إصلاح» بهذا العنوان.',
  notAdminInstall:
    'لا يستطيع تثبيت Chat Drop إلا مسؤول Bitrix24. اطلب من مسؤول فتح التطبيق مرة واحدة من التطبيقات.',
  notAdminManage:
    'يعمل Chat Drop داخل الدردشات: افتح دردشة واختر Chat Drop في الشريط الجانبي أو فوق حقل الرسالة. لا يرى إعدادات التثبيت إلا المسؤولون.',
  'error.ACCESS_DENIED':
    'رفض Bitrix24: لا يستطيع إضافة الأدوات إلى المراسلة إلا المسؤول. اطلب من مسؤول فتح التطبيق مرة واحدة من التطبيقات.',
  'error.scope':
    'ينقص التطبيق الأذونات {scopes}. على المسؤول فتح التطبيقات ← موارد المطورين ← عمليات التكامل ← Chat Drop ← تعديل، وتحديد {scopes} ضمن «تعيين الأذونات»، ثم الحفظ وفتح التطبيق مرة أخرى.',
  'error.WRONG_AUTH_TYPE':
    'لا يقبل Bitrix24 هذه الخطوة إلا من التطبيق نفسه. افتح Chat Drop من قائمة التطبيقات في Bitrix24، وليس من رابط مباشر.',
  'error.handler':
    'لا يقبل Bitrix24 العنوان {handler} للأدوات. قدّم التطبيق من عنوان https:// عام له اسم نطاق ثم ثبّته مرة أخرى.',
  'error.auth': 'انتهت صلاحية الجلسة مع Bitrix24. أعد تحميل الصفحة وحاول مرة أخرى.',
  'error.busy': 'Bitrix24 مشغول حاليًا. انتظر دقيقة وحاول مرة أخرى.',
  'error.transport': 'تعذّر الوصول إلى Bitrix24. تحقق من الاتصال وحاول مرة أخرى.',
  'error.generic': 'فشل التثبيت. حاول مرة أخرى؛ وإذا استمر الفشل، فأرسل التفاصيل إلى المسؤول.',
} as const satisfies InstallMessages;
