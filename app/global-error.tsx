"use client";

/** When even the root layout fails: the whole document, in Turkish, without the site's styles or header. */
export default function GlobalError() {
  return (
    <html lang="tr">
      <body style={{ fontFamily: "system-ui, sans-serif", maxWidth: 480, margin: "4rem auto", padding: "0 1rem" }}>
        <h1>Hizmet geçici olarak kullanılamıyor</h1>
        <p>Tevkil şu an yanıt veremiyor. Birkaç saniye sonra yeniden deneyin.</p>
        <button type="button" onClick={() => window.location.reload()}>
          Yeniden dene
        </button>
      </body>
    </html>
  );
}
