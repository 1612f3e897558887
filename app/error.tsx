"use client";

/**
 * A client-side navigation whose page could not be drawn: nearly always PostgreSQL or Redis not answering for a
 * moment. (A whole document that fails is answered by the server, lib/server/page-error-answer.ts.)
 */
export default function PageError() {
  return (
    <div className="stack narrow" role="alert">
      <h1>Hizmet geçici olarak kullanılamıyor</h1>
      <p className="muted">Bu sayfa şu an gösterilemiyor. Birkaç saniye sonra yeniden deneyin.</p>
      <button type="button" className="button button-primary" onClick={() => window.location.reload()}>
        Yeniden dene
      </button>
    </div>
  );
}
