import { sendRaw, type RawResponse } from './sendRaw.ts';

/** The form fields Bitrix24 posts into the app's frame when it opens it (b24restdocs, "local applications"). */
export const PORTAL_FORM: string = new URLSearchParams({
  AUTH_ID: 'test-auth-token',
  AUTH_EXPIRES: '3600',
  REFRESH_ID: 'test-refresh-token',
  member_id: 'a1b2c3',
  status: 'L',
  PLACEMENT: 'DEFAULT',
  PLACEMENT_OPTIONS: '{}',
}).toString();

/**
 * The POST Bitrix24 makes when it opens the app: {@link PORTAL_FORM} to the handler at `base`,
 * with the query the portal adds. `ca`: the certificate an https server must present.
 */
export function postPortalForm(base: string, ca?: string): Promise<RawResponse> {
  return sendRaw(new URL('?DOMAIN=yourcompany.bitrix24.com&APP_SID=1', base).href, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: PORTAL_FORM,
    ...(ca ? { ca } : {}),
  });
}
