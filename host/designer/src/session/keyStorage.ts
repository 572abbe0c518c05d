// Where the browser keeps the API key: for this tab only, unless the user asked to be remembered on this device.
const name = "prefflow.apiKey";

export function storedKey(): string | undefined {
  return sessionStorage.getItem(name) ?? localStorage.getItem(name) ?? undefined;
}

export function storeKey(key: string, remember: boolean) {
  sessionStorage.setItem(name, key);
  if (remember) localStorage.setItem(name, key);
}

export function forgetKey() {
  sessionStorage.removeItem(name);
  localStorage.removeItem(name);
}
