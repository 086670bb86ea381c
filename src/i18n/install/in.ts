import type { InstallMessages } from '../installMessages.ts';

/** Hindi texts of the install page (Bitrix24 `in`). */
export const hi = {
  title: 'Chat Drop इंस्टॉल करें',
  manageTitle: 'Chat Drop का इंस्टॉलेशन',
  intro:
    'Chat Drop हर चैट में एक बटन जोड़ता है: चैट के साइडबार में और संदेश फ़ील्ड के ऊपर। फ़ाइलें चैट में भेजने के लिए उन्हें वहाँ छोड़ें।',
  waiting: 'इंस्टॉलेशन तैयार किया जा रहा है।',
  'step.check-admin': 'एडमिनिस्ट्रेटर अधिकार जाँचें',
  'step.read-bindings': 'विजेट की मौजूदा सेटिंग पढ़ें',
  'step.bind-IM_SIDEBAR': 'Chat Drop को चैट साइडबार में जोड़ें',
  'step.bind-IM_TEXTAREA': 'Chat Drop को संदेश फ़ील्ड के ऊपर जोड़ें',
  'step.finish': 'इंस्टॉलेशन पूरा करें',
  'state.pending': 'प्रतीक्षा में',
  'state.running': 'चल रहा है',
  'state.done': 'हो गया',
  'state.skipped': 'छोड़ा गया',
  'state.failed': 'विफल',
  'outcome.bound': 'जोड़ा गया',
  'outcome.unchanged': 'पहले से मौजूद',
  'outcome.replaced': 'इस पते पर ले जाया गया',
  installed: 'Chat Drop इंस्टॉल हो गया। Bitrix24 अब पेज रीलोड कर रहा है; फिर कोई भी चैट खोलें।',
  repaired: 'हो गया: विजेट अब इस पते की ओर इशारा करते हैं।',
  retry: 'फिर से कोशिश करें',
  repair: 'ठीक करें',
  repairing: 'ठीक किया जा रहा है…',
  reload: 'फिर से जाँचें',
  loadingState: 'इंस्टॉलेशन पढ़ा जा रहा है…',
  details: 'विवरण',
  detailsCode: 'त्रुटि कोड: {code}',
  detailsText: 'पोर्टल का संदेश: {detail}',
  'placement.IM_SIDEBAR': 'चैट साइडबार',
  'placement.IM_TEXTAREA': 'संदेश फ़ील्ड के ऊपर',
  columnPlace: 'जगह',
  columnAddress: 'पता',
  columnState: 'स्थिति',
  'row.current': 'इस पते से जुड़ा है',
  'row.other': 'किसी दूसरे पते से जुड़ा है',
  'row.outdated': 'यहाँ जुड़ा है, लेकिन पुराने संस्करण की सेटिंग के साथ',
  'row.multiple': 'एक से ज़्यादा बार जुड़ा है',
  'row.missing': 'जुड़ा नहीं है',
  thisAddress: 'यह ऐप {handler} पर चलता है',
  healthy: 'सब कुछ ठीक है।',
  unhealthy: 'कुछ विजेट मौजूद नहीं हैं या किसी दूसरे पते की ओर इशारा करते हैं। "ठीक करें" उन्हें इस पते से जोड़ देगा।',
  notAdminInstall:
    'केवल Bitrix24 एडमिनिस्ट्रेटर ही Chat Drop इंस्टॉल कर सकता है। किसी एडमिनिस्ट्रेटर से ऐप्लिकेशन में जाकर ऐप एक बार खोलने को कहें।',
  notAdminManage:
    'Chat Drop चैट के अंदर काम करता है: कोई चैट खोलें और साइडबार में या संदेश फ़ील्ड के ऊपर Chat Drop चुनें। इंस्टॉलेशन की सेटिंग केवल एडमिनिस्ट्रेटर देख सकते हैं।',
  'error.ACCESS_DENIED':
    'Bitrix24 ने मना कर दिया: केवल एडमिनिस्ट्रेटर ही मैसेंजर में विजेट जोड़ सकता है। किसी एडमिनिस्ट्रेटर से ऐप्लिकेशन में जाकर ऐप एक बार खोलने को कहें।',
  'error.scope':
    'ऐप के पास {scopes} अनुमतियाँ नहीं हैं। एडमिनिस्ट्रेटर को ऐप्लिकेशन → डेवलपर संसाधन → इंटीग्रेशन → Chat Drop → संपादित करें खोलना होगा, "अनुमतियाँ असाइन करें" में {scopes} चुनना होगा, सहेजना होगा और ऐप फिर से खोलना होगा।',
  'error.WRONG_AUTH_TYPE':
    'Bitrix24 यह चरण केवल ऐप से ही स्वीकार करता है। Chat Drop को सीधे लिंक से नहीं, बल्कि अपने Bitrix24 के ऐप्लिकेशन मेनू से खोलें।',
  'error.handler':
    'Bitrix24 विजेट के लिए {handler} पता स्वीकार नहीं करता। ऐप को डोमेन नाम वाले सार्वजनिक https:// पते से चलाएँ और फिर से इंस्टॉल करें।',
  'error.auth': 'Bitrix24 के साथ सेशन समाप्त हो गया है। पेज रीलोड करें और फिर से कोशिश करें।',
  'error.busy': 'Bitrix24 अभी व्यस्त है। एक मिनट रुकें और फिर से कोशिश करें।',
  'error.transport': 'Bitrix24 तक नहीं पहुँचा जा सका। कनेक्शन जाँचें और फिर से कोशिश करें।',
  'error.generic':
    'इंस्टॉलेशन विफल रहा। फिर से कोशिश करें; अगर यह बार-बार विफल हो, तो विवरण अपने एडमिनिस्ट्रेटर को भेजें।',
} as const satisfies InstallMessages;
