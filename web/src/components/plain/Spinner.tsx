export const Spinner = () => <span className="zp-spinner" role="status" aria-label="加载中" />;

/** A centered spinner with a line of text (route fallbacks, member pages). */
export function Loading({ text = '正在加载…' }: { text?: string }) {
  return (
    <div className="zp-center">
      <Spinner />
      <div style={{ marginTop: 12 }}>{text}</div>
    </div>
  );
}
