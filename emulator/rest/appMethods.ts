import { RestError } from '../RestError.ts';
import { formatDateC } from '../formatDateC.ts';
import { getParamCI, isParams, paramText } from '../params.ts';
import type { ParamValue } from '../params.ts';
import type { AppRecord } from '../types.ts';
import type { CallContext, MethodTable } from './restTypes.ts';

/** `app.info`, `profile`, `user.current`, app and user options (portal reference §5.2–§5.4, §5.9, §7.7). */
export const appMethods: MethodTable = {
  'app.info': { scope: null, run: appInfo },
  profile: { scope: null, run: profile },
  'user.current': { scope: ['user', 'user_brief', 'user_basic'], run: userCurrent },
  'app.option.get': { scope: null, appOnly: true, run: appOptionGet },
  'app.option.set': { scope: null, appOnly: true, run: appOptionSet },
  // A webhook reaches these and is refused inside: 403 ACCESS_DENIED (§7.7).
  'user.option.get': { scope: null, run: userOptionGet },
  'user.option.set': { scope: null, run: userOptionSet },
};

function appOf(call: CallContext): AppRecord {
  const app = call.emu.store.state.apps.find((a) => a.id === call.auth.appId);
  if (!app) {
    throw new RestError(403, 'ACCESS_DENIED', 'Access denied! Application context required');
  }
  return app;
}

function appInfo(call: CallContext): unknown {
  // A webhook call succeeds (§7.7, CONFIRMED for 2021 cores); which keys it carries is ASSUMED:
  // the portal's license and language, no application.
  if (call.auth.kind === 'webhook') {
    return {
      SCOPE: call.auth.scope,
      LICENSE: 'en_ent10000',
      LICENSE_TYPE: 'ent10000',
      LICENSE_FAMILY: 'ent',
      LANGUAGE_ID: call.emu.options.lang,
    };
  }
  const app = appOf(call);
  return {
    ID: app.id,
    CODE: app.code,
    VERSION: app.version,
    STATUS: app.status,
    INSTALLED: app.installed,
    PAYMENT_EXPIRED: 'N',
    DAYS: null,
    LANGUAGE_ID: call.emu.options.lang,
    LICENSE: 'en_ent10000',
    LICENSE_TYPE: 'ent10000',
    LICENSE_FAMILY: 'ent',
  };
}

function profile(call: CallContext): unknown {
  const u = call.user;
  return {
    ID: String(u.id),
    ADMIN: u.isAdmin,
    NAME: u.name,
    LAST_NAME: u.lastName,
    PERSONAL_GENDER: u.gender,
    TIME_ZONE: '',
  };
}

function userCurrent(call: CallContext): unknown {
  const u = call.user;
  const now = formatDateC();
  return {
    ID: String(u.id),
    ACTIVE: u.active,
    NAME: u.name,
    LAST_NAME: u.lastName,
    EMAIL: u.email,
    LAST_LOGIN: now,
    DATE_REGISTER: u.dateRegister,
    IS_ONLINE: 'Y',
    LAST_ACTIVITY_DATE: now.slice(0, 19).replace('T', ' '),
    PERSONAL_GENDER: u.gender,
    PERSONAL_BIRTHDAY: '',
    WORK_POSITION: u.workPosition,
    UF_EMPLOYMENT_DATE: '',
    UF_DEPARTMENT: [1],
  };
}

/** The store read by getInitData's APP_OPTIONS/USER_OPTIONS; PHP's empty array is `[]`. */
function optionsResult(store: Record<string, unknown>, params: CallContext['params']): unknown {
  const option = paramText(getParamCI(params, 'option'));
  if (option !== '') return store[option] ?? null;
  return Object.keys(store).length === 0 ? [] : store;
}

function writeOptions(store: Record<string, unknown>, options: ParamValue | undefined): void {
  if (!isParams(options)) {
    throw new RestError(400, 'ERROR_ARGUMENT', "Argument 'options' is null or empty", {
      argument: 'options',
    });
  }
  for (const [key, value] of Object.entries(options)) store[key] = value;
}

function appOptionGet(call: CallContext): unknown {
  return optionsResult(appOf(call).options, call.params);
}

function appOptionSet(call: CallContext): unknown {
  const app = appOf(call);
  if (!call.user.isAdmin) throw new RestError(403, 'ACCESS_DENIED', 'Access denied!');
  writeOptions(app.options, getParamCI(call.params, 'options'));
  call.emu.store.save();
  return true;
}

function userStore(call: CallContext): Record<string, unknown> {
  const app = appOf(call);
  const key = String(call.user.id);
  app.userOptions[key] ??= {};
  return app.userOptions[key];
}

function userOptionGet(call: CallContext): unknown {
  return optionsResult(userStore(call), call.params);
}

function userOptionSet(call: CallContext): unknown {
  writeOptions(userStore(call), getParamCI(call.params, 'options'));
  call.emu.store.save();
  return true;
}
