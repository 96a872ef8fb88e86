/** Options every command takes, and the settings they resolve to. */
import { GLOBAL_OPTIONS } from '@mgkit/cli-contract';
import { type CloudName, CLOUD_NAMES, cloudBaseUrl, isCloudName } from './clouds.js';
import { UsageError, didYouMean } from './errors.js';
import { type OutputFormat, OUTPUT_FORMATS, isOutputFormat } from './output.js';
import { io } from './io.js';
import { registerSecret } from './redact.js';

export { GLOBAL_OPTIONS, type GlobalOptionSpec } from '@mgkit/cli-contract';

/** Global options that take a value, by every spelling (`--output`, `-o`). */
export function globalTakesValue(token: string): boolean {
  const name = token.replace(/^-+/, '').split('=')[0] ?? '';
  return GLOBAL_OPTIONS.some((option) => option.type === 'string' && (option.name === name || option.short === name)) && !token.includes('=');
}

export interface GlobalSettings {
  readonly output: OutputFormat;
  readonly query?: string;
  readonly debug: boolean;
  readonly cloud: CloudName;
  readonly baseUrl: string;
  readonly timeoutMs: number;
  readonly color: boolean;
  readonly yes: boolean;
}

export type ParsedValues = Readonly<Record<string, string | boolean | (string | boolean)[] | undefined>>;

function single(values: ParsedValues, name: string): string | undefined {
  const value = values[name];
  if (Array.isArray(value)) return value.at(-1) as string | undefined;
  return typeof value === 'string' ? value : undefined;
}

/** An option's value, else its environment variable's, and which of the two to name in an error. */
function fromOptionOrEnv(values: ParsedValues, option: string, label: string, variable: string): { value: string | undefined; source: string } {
  const given = single(values, option);
  if (given !== undefined) return { value: given, source: label };
  return { value: io().env[variable], source: variable };
}

export function resolveGlobals(values: ParsedValues, defaultBaseUrl: string): GlobalSettings {
  const outputSetting = fromOptionOrEnv(values, 'output', '-o/--output', 'MGKIT_OUTPUT');
  const output = outputSetting.value ?? 'json';
  if (!isOutputFormat(output)) throw new UsageError(`${outputSetting.source}: unknown format '${output}'; use one of ${OUTPUT_FORMATS.join(', ')}`);
  const cloudSetting = fromOptionOrEnv(values, 'cloud', '--cloud', 'MGKIT_CLOUD');
  const cloud = cloudSetting.value ?? 'Global';
  if (!isCloudName(cloud)) {
    const exact = CLOUD_NAMES.find((name) => name.toLowerCase() === cloud.toLowerCase());
    if (!exact) throw new UsageError(`${cloudSetting.source}: unknown cloud '${cloud}'; use one of ${CLOUD_NAMES.join(', ')}${didYouMean(cloud, CLOUD_NAMES)}`);
  }
  const cloudName = (CLOUD_NAMES.find((name) => name.toLowerCase() === cloud.toLowerCase()) ?? 'Global') as CloudName;
  const baseUrlSetting = fromOptionOrEnv(values, 'base-url', '--base-url', 'MGKIT_BASE_URL');
  const baseUrlOption = baseUrlSetting.value;
  let baseUrl = cloudBaseUrl(cloudName, defaultBaseUrl);
  if (baseUrlOption) {
    try {
      const url = new URL(baseUrlOption);
      // user:password in the URL is a credential: scrubbed from everything printed
      if (url.password) {
        registerSecret(decodeURIComponent(url.password));
        registerSecret(url.password);
      }
      if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('not http(s)');
    } catch {
      throw new UsageError(`${baseUrlSetting.source}: '${baseUrlOption}' is not an http(s) URL`);
    }
    baseUrl = baseUrlOption.replace(/\/+$/, '');
  }
  const timeoutSetting = fromOptionOrEnv(values, 'timeout', '--timeout', 'MGKIT_TIMEOUT');
  const timeoutText = timeoutSetting.value ?? '100';
  const timeout = Number(timeoutText);
  if (!Number.isFinite(timeout) || timeout <= 0) throw new UsageError(`${timeoutSetting.source}: '${timeoutText}' is not a positive number of seconds`);
  const noColor = values['no-color'] === true || (io().env['NO_COLOR'] ?? '') !== '';
  const query = single(values, 'query');
  return {
    output,
    ...(query !== undefined && { query }),
    debug: values['debug'] === true,
    cloud: cloudName,
    baseUrl,
    timeoutMs: Math.round(timeout * 1000),
    color: !noColor && io().stdout.isTTY === true,
    yes: values['yes'] === true,
  };
}
