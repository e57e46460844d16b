/**
 * Checks an Azure Storage connection string the way the Azure SDK will read it, so a bad one
 * stops start-up with a sentence naming what is wrong (never the string itself) instead of a
 * TypeError thrown from inside the SDK on the first request.
 *
 * Accepted: `UseDevelopmentStorage=true` (Azurite); an account key string
 * (`DefaultEndpointsProtocol=https;AccountName=…;AccountKey=…;EndpointSuffix=core.windows.net`,
 * or with `BlobEndpoint=` instead of the suffix); a SAS string (`BlobEndpoint=…;SharedAccessSignature=…`).
 * Names are case-sensitive, as the SDK reads them.
 */
const EXAMPLE =
  'expected DefaultEndpointsProtocol=https;AccountName=…;AccountKey=…;EndpointSuffix=core.windows.net (from the storage account\'s "Access keys")';

function parts(text: string): Map<string, string> | undefined {
  const out = new Map<string, string>();
  for (const segment of text.split(';')) {
    const s = segment.trim();
    if (!s) continue;
    const at = s.indexOf('=');
    if (at <= 0) return undefined;
    out.set(s.slice(0, at).trim(), s.slice(at + 1).trim());
  }
  return out.size > 0 ? out : undefined;
}

function isHttpUrl(value: string | undefined): boolean {
  if (!value) return false;
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

function accountKeyProblem(p: Map<string, string>): string | undefined {
  const protocol = p.get('DefaultEndpointsProtocol')?.toLowerCase();
  if (protocol !== 'https' && protocol !== 'http') return 'DefaultEndpointsProtocol must be https or http';
  if (!p.get('AccountName')) return 'AccountName is missing';
  const key = p.get('AccountKey') ?? '';
  if (!key || !/^[A-Za-z0-9+/]+={0,2}$/.test(key)) return 'AccountKey is missing or is not base64';
  if (p.has('BlobEndpoint')) return isHttpUrl(p.get('BlobEndpoint')) ? undefined : 'BlobEndpoint is not an http(s) URL';
  return p.get('EndpointSuffix') ? undefined : 'EndpointSuffix (or BlobEndpoint) is missing';
}

/** What is wrong with a connection string, or undefined when the Azure SDK can use it. */
export function blobConnectionProblem(text: string): string | undefined {
  if (/^UseDevelopmentStorage=true(?:;|$)/.test(text.trim())) return undefined;
  const p = parts(text);
  if (!p) return `is not a connection string: ${EXAMPLE}`;
  if (p.has('AccountKey')) {
    const problem = accountKeyProblem(p);
    return problem && `is not usable: ${problem}`;
  }
  if (p.has('SharedAccessSignature')) {
    return isHttpUrl(p.get('BlobEndpoint')) ? undefined : 'is not usable: a SharedAccessSignature string needs BlobEndpoint=https://…';
  }
  return `has neither an AccountKey nor a SharedAccessSignature: ${EXAMPLE}`;
}
