import type { InstallMessages } from '../installMessages.ts';

/** Brazilian Portuguese texts of the install page (Bitrix24 `br`). */
export const br = {
  title: 'Instalar o Chat Drop',
  manageTitle: 'Instalação do Chat Drop',
  intro:
    'O Chat Drop adiciona um botão a cada bate-papo: na barra lateral do bate-papo e acima do campo de mensagem. Solte arquivos ali para enviá-los ao bate-papo.',
  waiting: 'A instalação está sendo preparada.',
  'step.check-admin': 'Verificar os direitos de administrador',
  'step.read-bindings': 'Ler as configurações atuais dos widgets',
  'step.bind-IM_SIDEBAR': 'Adicionar o Chat Drop à barra lateral do bate-papo',
  'step.bind-IM_TEXTAREA': 'Adicionar o Chat Drop acima do campo de mensagem',
  'step.finish': 'Concluir a instalação',
  'state.pending': 'Aguardando',
  'state.running': 'Em andamento',
  'state.done': 'Concluído',
  'state.skipped': 'Ignorado',
  'state.failed': 'Falhou',
  'outcome.bound': 'adicionado',
  'outcome.unchanged': 'já estava no lugar',
  'outcome.replaced': 'movido para este endereço',
  installed:
    'O Chat Drop está instalado. O Bitrix24 recarrega a página agora; depois abra qualquer bate-papo.',
  repaired: 'Pronto: os widgets apontam para este endereço.',
  retry: 'Tentar novamente',
  repair: 'Reparar',
  repairing: 'Reparando…',
  reload: 'Verificar novamente',
  loadingState: 'Lendo a instalação…',
  details: 'Detalhes',
  detailsCode: 'Código do erro: {code}',
  detailsText: 'Mensagem do portal: {detail}',
  'placement.IM_SIDEBAR': 'Barra lateral do bate-papo',
  'placement.IM_TEXTAREA': 'Acima do campo de mensagem',
  columnPlace: 'Local',
  columnAddress: 'Endereço',
  columnState: 'Estado',
  'row.current': 'Vinculado a este endereço',
  'row.other': 'Vinculado a outro endereço',
  'row.outdated': 'Vinculado aqui, com as configurações de uma versão anterior',
  'row.multiple': 'Vinculado mais de uma vez',
  'row.missing': 'Não vinculado',
  thisAddress: 'Este aplicativo funciona em {handler}',
  healthy: 'Está tudo no lugar.',
  unhealthy:
    'Alguns widgets estão faltando ou apontam para outro endereço. Reparar os vincula a este endereço.',
  notAdminInstall:
    'Somente um administrador do Bitrix24 pode instalar o Chat Drop. Peça a um administrador para abrir o aplicativo uma vez em Aplicativos.',
  notAdminManage:
    'O Chat Drop funciona dentro dos bate-papos: abra um bate-papo e escolha o Chat Drop na barra lateral ou acima do campo de mensagem. As configurações de instalação são visíveis apenas para administradores.',
  'error.ACCESS_DENIED':
    'O Bitrix24 recusou: somente um administrador pode adicionar widgets ao messenger. Peça a um administrador para abrir o aplicativo uma vez em Aplicativos.',
  'error.scope':
    'Faltam ao aplicativo as permissões {scopes}. Um administrador deve abrir Aplicativos → Recursos para desenvolvedores → Integrações → Chat Drop → Editar, marcar {scopes} em "Atribuir permissões", salvar e abrir o aplicativo novamente.',
  'error.WRONG_AUTH_TYPE':
    'O Bitrix24 aceita esta etapa somente do próprio aplicativo. Abra o Chat Drop pelo menu Aplicativos do seu Bitrix24, não por um link direto.',
  'error.handler':
    'O Bitrix24 não aceita o endereço {handler} para widgets. Publique o aplicativo em um endereço https:// público com nome de domínio e instale-o novamente.',
  'error.auth': 'A sessão com o Bitrix24 expirou. Recarregue a página e tente novamente.',
  'error.busy': 'O Bitrix24 está ocupado no momento. Aguarde um minuto e tente novamente.',
  'error.transport': 'Não foi possível acessar o Bitrix24. Verifique a conexão e tente novamente.',
  'error.generic':
    'A instalação falhou. Tente novamente; se continuar falhando, envie os detalhes ao seu administrador.',
} as const satisfies InstallMessages;
