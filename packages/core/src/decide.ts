import type { RequestContext, Requester, TargetRef } from './context';
import { dbInt } from './db-int';
import { type M4Error, m4Error } from './errors';
import { apiHash, hashMatches } from './hash';
import type { MethodParams } from './params';
import { isSettingOn, secretKeyOf } from './settings';
import { isUserId } from './user-id';

export type Outcome<T> = { kind: 'ok'; user: T } | M4Error;

export interface DecideInput<T extends TargetRef> {
  method: 'GET' | 'POST';
  params: MethodParams;
  context: RequestContext<T>;
}

function isAdmin(requester: Requester): boolean {
  return requester.usertype === 'admin' && dbInt(requester.id) === 0n;
}

function isManager(requester: Requester): boolean {
  return requester.usertype === 'manager';
}

function isRestricted(manager: Requester): boolean {
  return dbInt(manager.showOnlyAssignedUsers) === 1n || dbInt(manager.showOnlyAssignedRight) === 2n;
}

function isAssigned(target: TargetRef, manager: Requester): boolean {
  const accountant = dbInt(target.responsible_accountant_id);
  return accountant !== null && accountant !== -1n && accountant === dbInt(manager.id);
}

function isSelf(target: TargetRef, requester: Requester): boolean {
  const id = dbInt(target.id);
  return id !== null && id === dbInt(requester.id);
}

/** The decision of method spec §3, rows 1–10 in order; the first failing row decides. */
export async function decide<T extends TargetRef>(input: DecideInput<T>): Promise<Outcome<T>> {
  const { method, params, context } = input;
  const { settings, requester, target } = context;

  if (!isSettingOn(settings.allowApi)) return m4Error('api_disabled');
  if (method === 'GET' && !isSettingOn(settings.allowGetApi)) return m4Error('get_disabled');
  if (!isSettingOn(settings.disableHashChecking)) {
    const secret = secretKeyOf(settings);
    if (secret === null) return m4Error('secret_key_missing');
    const expected = await apiHash(params.u ?? '', params.user_id ?? '', secret);
    if (!hashMatches(params.hash, expected)) return m4Error('incorrect_hash');
  }
  // No user has `username = <absent>`, whatever the caller looked up.
  if (requester === null || params.u === undefined) return m4Error('unknown_requester');
  const admin = isAdmin(requester);
  if (!admin && !isManager(requester)) return m4Error('not_privileged');
  if (!admin && dbInt(requester.usersRight) !== 2n) return m4Error('missing_users_right');
  if (!isUserId(params.user_id) || target === null) return m4Error('user_not_found');
  if (isSelf(target, requester)) return m4Error('self_access');
  if (!admin && isRestricted(requester) && !isAssigned(target, requester)) {
    return m4Error('not_assigned');
  }
  return { kind: 'ok', user: target };
}
