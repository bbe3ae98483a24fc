import * as v from 'valibot';
import { createUnitRequestSchema, createUserRequestSchema } from '../../shared/protocol';
import { createUnit, createUser } from '../accounts/manage';
import { toUnit, UNIT_COLUMNS, type UnitRow } from '../accounts/units';
import { listUsers } from '../accounts/users';
import { ApiError } from '../http/errors';
import { listSealKeys, retireSealKey, rotateSealKey, SEAL_KEY_USAGE } from '../keys/commands';
import { databaseSealKeyStore } from '../keys/database-key-store';
import { SealKeyError, type SealKeyStore } from '../keys/key-store';
import type { Store } from '../store/types';

/**
 * The admin CLI's commands as plain functions over a store (cli.ts opens the store and prints).
 * They go through the same checks as the admin API, with the operator's full authority.
 */

export const USAGE = `Usage: npm run admin -- <command> [options]

  create-unit --name <name> --kind <federation|upper|commune|sector|cdcs|ndcs> [--parent <unit id>] [--id <uuid>]
  create-user --username <name> --password <password> --display-name <name>
              --role <organizer|supervisor|admin> --unit <unit id>
  list-units
  list-users
${SEAL_KEY_USAGE}

The sealing keys are in the database, or in the file SEAL_KEY_FILE names (the server's setting).
The CLI opens the database of DATABASE_URL, or else the embedded one in DATA_DIR (./data).
An embedded database can be opened by one process at a time: stop the server first.`;

export class CliError extends Error {
  override readonly name = 'CliError';
}

export type Flags = Record<string, string>;

/** `--name value` pairs; a flag without its value, or a stray word, is an error. */
export function parseFlags(args: readonly string[]): Flags {
  const flags: Flags = {};
  for (let i = 0; i < args.length; i += 2) {
    const name = args[i] ?? '';
    const value = args[i + 1];
    if (!name.startsWith('--') || value === undefined || value.startsWith('--')) {
      throw new CliError(`Expected "--option value" at "${name}".\n\n${USAGE}`);
    }
    flags[name.slice(2)] = value;
  }
  return flags;
}

function parse<S extends v.GenericSchema>(schema: S, input: unknown): v.InferOutput<S> {
  const parsed = v.safeParse(schema, input);
  if (parsed.success) return parsed.output;
  const problems = parsed.issues.map((issue) => `--${flagName(v.getDotPath(issue) ?? '?')}`);
  throw new CliError(`Invalid or missing: ${[...new Set(problems)].join(', ')}.`);
}

function flagName(field: string): string {
  const names: Record<string, string> = {
    parentId: 'parent',
    unitId: 'unit',
    displayName: 'display-name',
  };
  return names[field] ?? field;
}

function explain(error: unknown): never {
  if (error instanceof ApiError) {
    const fields = (error.fields ?? []).map(
      (field) => ` --${flagName(field.field)}: ${field.code} (${field.message})`,
    );
    throw new CliError(`${error.code}: ${error.message}${fields.join('')}`);
  }
  throw error;
}

export async function createUnitCommand(store: Store, flags: Flags): Promise<string> {
  const input = parse(createUnitRequestSchema, {
    name: flags['name'],
    kind: flags['kind'],
    ...(flags['parent'] ? { parentId: flags['parent'] } : {}),
    ...(flags['id'] ? { id: flags['id'] } : {}),
  });
  const unit = await createUnit(store, input).catch(explain);
  return `Unit created: ${unit.id}  ${unit.name} (${unit.kind})`;
}

export async function createUserCommand(store: Store, flags: Flags): Promise<string> {
  const input = parse(createUserRequestSchema, {
    username: flags['username'],
    password: flags['password'],
    displayName: flags['display-name'],
    role: flags['role'],
    unitId: flags['unit'],
  });
  const user = await createUser(store, input).catch(explain);
  return `User created: ${user.username} (${user.role}) ${user.id}`;
}

export async function listUnitsCommand(store: Store): Promise<string> {
  const result = await store.query<UnitRow>(`SELECT ${UNIT_COLUMNS} FROM units ORDER BY seq`);
  const lines = result.rows
    .map(toUnit)
    .map(
      (unit) =>
        `${unit.id}  ${unit.kind.padEnd(10)} ${unit.name}${unit.parentId ? `  (in ${unit.parentId})` : ''}`,
    );
  return lines.length > 0 ? lines.join('\n') : 'No units.';
}

export async function listUsersCommand(store: Store): Promise<string> {
  const users = await listUsers(store);
  const lines = users.map(
    (user) =>
      `${user.username.padEnd(20)} ${user.role.padEnd(10)} ${user.active ? 'active  ' : 'inactive'} ${user.displayName}  unit ${user.unitId}`,
  );
  return lines.length > 0 ? lines.join('\n') : 'No users.';
}

async function sealKeyCommand(keys: SealKeyStore, args: readonly string[]): Promise<string> {
  const [action, ...rest] = args;
  try {
    switch (action) {
      case 'rotate':
        return await rotateSealKey(keys);
      case 'list':
        return await listSealKeys(keys);
      case 'retire': {
        const kid = parseFlags(rest)['kid'];
        if (!kid) throw new CliError('Invalid or missing: --kid.');
        return await retireSealKey(keys, kid);
      }
      default:
        throw new CliError(`Expected "seal-key rotate|list|retire".\n\n${USAGE}`);
    }
  } catch (error) {
    if (error instanceof SealKeyError) throw new CliError(error.message);
    throw error;
  }
}

/** Runs `argv` (command and options) and returns what to print. */
export async function runCommand(
  store: Store,
  argv: readonly string[],
  sealKeys: SealKeyStore = databaseSealKeyStore(store),
): Promise<string> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'seal-key':
      return sealKeyCommand(sealKeys, rest);
    case 'create-unit':
      return createUnitCommand(store, parseFlags(rest));
    case 'create-user':
      return createUserCommand(store, parseFlags(rest));
    case 'list-units':
      return listUnitsCommand(store);
    case 'list-users':
      return listUsersCommand(store);
    default:
      throw new CliError(command ? `Unknown command "${command}".\n\n${USAGE}` : USAGE);
  }
}
