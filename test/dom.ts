// Helpers for component tests (files with `// @vitest-environment happy-dom`). Each
// registers its own hooks, so a test file calls it once at the top level.
import { act, cleanup } from "@testing-library/react";
import { afterEach, beforeEach, vi } from "vitest";

interface SuggestedMember {
  id: string;
  name: string;
  title: string | null;
}

/**
 * Answers the pickers' and editor's fetch of `/api/mentions?q=…` with the members whose name
 * starts with q; returns the fetch stub to assert on. Unmounts and unstubs after each test.
 */
export function stubMemberSuggestions(members: SuggestedMember[]) {
  const fetchMock = vi.fn(async (url: string) => {
    const q = new URL(url, "http://test").searchParams.get("q")!.toLowerCase();
    const found = members.filter((m) => m.name.toLowerCase().startsWith(q));
    return new Response(JSON.stringify({ members: found }), {
      headers: { "content-type": "application/json" },
    });
  });
  beforeEach(() => {
    fetchMock.mockClear();
    vi.stubGlobal("fetch", fetchMock);
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });
  return fetchMock;
}

/**
 * Promises a test settles itself, so that a form's pending state can be seen. Any left
 * pending when a test ends (because it failed) are settled with a failure, so the form can
 * finish and the run does not hang.
 */
export function deferredResults() {
  const unsettled: (() => void)[] = [];
  afterEach(async () => {
    await act(async () => unsettled.splice(0).forEach((settle) => settle()));
  });
  return function deferred<T>() {
    let resolve!: (value: T) => void;
    const promise = new Promise<T>((r) => (resolve = r));
    unsettled.push(() => resolve({ ok: false, message: "Test over." } as T));
    return { promise, resolve };
  };
}
