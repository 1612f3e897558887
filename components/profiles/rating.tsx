/** "★ 4,5 (12 değerlendirme)" or "Henüz değerlendirme yok". */
export function Rating({ average, count }: { average: number | null; count: number }) {
  if (!count || average === null) return <span className="muted small" data-testid="rating">Henüz değerlendirme yok</span>;
  const value = average.toLocaleString("tr-TR", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return (
    <span className="rating" data-testid="rating" aria-label={`5 üzerinden ${value}, ${count} değerlendirme`}>
      <span><span aria-hidden="true">★</span> {value}</span> <span className="muted small">({count.toLocaleString("tr-TR")} değerlendirme)</span>
    </span>
  );
}
