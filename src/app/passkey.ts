/**
 * Passkeys with the WebAuthn PRF extension (src/shared/crypto, "Unlocking"): the authenticator
 * returns a secret for a fixed input only after the user's fingerprint (or screen lock), and
 * that secret unwraps the data key. Browsers without PRF simply keep the PIN.
 */

const toB64 = (bytes: Uint8Array): string =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

const fromB64 = (text: string): Uint8Array<ArrayBuffer> => {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
};

type PrfResults = { prf?: { enabled?: boolean; results?: { first?: ArrayBuffer } } };

function prfOutput(credential: Credential | null): ArrayBuffer | undefined {
  const key = credential as PublicKeyCredential | null;
  const results = key?.getClientExtensionResults() as PrfResults | undefined;
  return results?.prf?.results?.first;
}

export function passkeysAvailable(): boolean {
  return typeof PublicKeyCredential !== 'undefined' && !!navigator.credentials;
}

/** The PRF output of the passkey `credentialId` for `prfInput`; undefined when refused. */
export async function passkeySecret(
  credentialId: string,
  prfInput: string,
): Promise<ArrayBuffer | undefined> {
  const credential = await navigator.credentials
    .get({
      publicKey: {
        challenge: crypto.getRandomValues(new Uint8Array(32)),
        allowCredentials: [{ type: 'public-key', id: fromB64(credentialId) }],
        userVerification: 'required',
        extensions: {
          prf: { eval: { first: fromB64(prfInput) } },
        } as AuthenticationExtensionsClientInputs,
      },
    })
    .catch(() => null);
  return prfOutput(credential);
}

/**
 * A new passkey for this installation, and its PRF output for a new random input; undefined
 * when the browser or the authenticator has no PRF (or the user cancelled).
 */
export async function createPasskey(
  userName: string,
  displayName: string,
): Promise<{ credentialId: string; prfInput: string; prfOutput: ArrayBuffer } | undefined> {
  const input = crypto.getRandomValues(new Uint8Array(32));
  const credential = (await navigator.credentials
    .create({
      publicKey: {
        rp: { name: 'Sổ tay Công đoàn' },
        user: { id: crypto.getRandomValues(new Uint8Array(16)), name: userName, displayName },
        challenge: crypto.getRandomValues(new Uint8Array(32)),
        pubKeyCredParams: [
          { type: 'public-key', alg: -7 },
          { type: 'public-key', alg: -257 },
        ],
        authenticatorSelection: { userVerification: 'required', residentKey: 'discouraged' },
        extensions: { prf: { eval: { first: input } } } as AuthenticationExtensionsClientInputs,
      },
    })
    .catch(() => null)) as PublicKeyCredential | null;
  if (credential === null) return undefined;
  const credentialId = toB64(new Uint8Array(credential.rawId));
  const prfInput = toB64(input);
  // Some authenticators answer the PRF only on a get(), not at creation.
  const prf = prfOutput(credential) ?? (await passkeySecret(credentialId, prfInput));
  return prf === undefined ? undefined : { credentialId, prfInput, prfOutput: prf };
}
