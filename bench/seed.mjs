// Puts a design record straight into the app's IndexedDB, the way a returning user would have it.

/** Opens the Library and waits until its first database query has answered (so Dexie has created the DB). */
export async function openLibrary(page, baseUrl) {
  await page.goto(`${baseUrl}/`);
  await page.getByRole('heading', { name: 'Library', exact: true }).waitFor();
  await page.locator('[data-testid=design-row], h2:text-is("No designs yet")').first().waitFor();
}

/** Writes `record` with the raw IndexedDB API into mlsd-studio/designs (must run on the app's origin). */
export async function seedRecord(page, record) {
  await page.evaluate(
    (rec) =>
      new Promise((resolve, reject) => {
        // No version argument: open whatever version Dexie created, never upgrade it ourselves.
        const open = indexedDB.open('mlsd-studio');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('designs')) {
            db.close();
            return reject(new Error('object store "designs" missing: the app has not created its database'));
          }
          const tx = db.transaction('designs', 'readwrite');
          tx.objectStore('designs').put(rec);
          tx.oncomplete = () => (db.close(), resolve());
          tx.onerror = () => (db.close(), reject(tx.error));
        };
      }),
    record,
  );
}
