// A small rich-text editor on contentEditable, without document.execCommand: the toolbar changes the DOM through
// the Selection and Range APIs (block type, bold/italic, lists, links, images at the caret). Pasted content from
// Word or web pages goes in as HTML; the server sanitizes it with an allow-list before storing, so what is shown
// after saving is what the public site shows. The parent reads the HTML through onChange.
import { useEffect, useRef } from 'react';
import { Button, Divider, Input, Modal, Space, Tooltip } from 'antd';
import { BoldOutlined, ItalicOutlined, LinkOutlined, OrderedListOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { useState } from 'react';

const BLOCKS = ['P', 'H2', 'H3', 'H4', 'BLOCKQUOTE', 'LI', 'DIV', 'H1', 'H5', 'H6', 'PRE'];

export interface RichEditorHandle { insertHtml: (html: string) => void }

function blockOf(node: Node | null, root: HTMLElement): HTMLElement | null {
  let n: Node | null = node;
  while (n && n !== root) {
    if (n instanceof HTMLElement && BLOCKS.includes(n.tagName)) return n;
    n = n.parentNode;
  }
  return null;
}

function rename(el: HTMLElement, tag: string): HTMLElement {
  const next = document.createElement(tag);
  while (el.firstChild) next.appendChild(el.firstChild);
  el.replaceWith(next);
  return next;
}

export function RichEditor({ value, onChange, handleRef, testId }: {
  value: string; onChange: (html: string) => void; handleRef?: (h: RichEditorHandle) => void; testId?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const saved = useRef<Range | null>(null);
  const [linking, setLinking] = useState(false);
  const [href, setHref] = useState('https://');

  // The initial value only: afterwards the DOM is the source of truth (resetting it would lose the caret).
  useEffect(() => {
    if (ref.current && ref.current.innerHTML !== value) ref.current.innerHTML = value;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const emit = () => ref.current && onChange(ref.current.innerHTML);
  const remember = () => {
    const sel = window.getSelection();
    if (sel && sel.rangeCount && ref.current?.contains(sel.getRangeAt(0).commonAncestorContainer)) saved.current = sel.getRangeAt(0).cloneRange();
  };
  /** The selection inside the editor (the last one when focus went to the toolbar), or the end of the text. */
  const range = (): Range => {
    const root = ref.current!;
    if (saved.current && root.contains(saved.current.commonAncestorContainer)) return saved.current;
    const r = document.createRange();
    r.selectNodeContents(root);
    r.collapse(false);
    return r;
  };
  const select = (r: Range) => { const sel = window.getSelection(); sel?.removeAllRanges(); sel?.addRange(r); saved.current = r.cloneRange(); };

  function setBlock(tag: string) {
    const root = ref.current!;
    const r = range();
    let block = blockOf(r.startContainer, root);
    if (!block) {
      // Loose text at the top level: wrap the run it belongs to.
      const p = document.createElement(tag);
      if (root.childNodes.length === 0) p.appendChild(document.createElement('br'));
      else { r.selectNodeContents(root); p.appendChild(r.extractContents()); }
      root.appendChild(p);
      block = p;
    } else if (block.tagName === 'LI') {
      const list = block.parentElement!;
      const p = rename(block, tag);
      list.after(p);
      if (!list.children.length) list.remove();
      block = p;
    } else {
      block = rename(block, tag);
    }
    const nr = document.createRange();
    nr.selectNodeContents(block);
    nr.collapse(false);
    select(nr);
    emit();
  }

  function toggleList(tag: 'UL' | 'OL') {
    const root = ref.current!;
    const r = range();
    const block = blockOf(r.startContainer, root);
    if (block?.tagName === 'LI') {
      const list = block.parentElement!;
      if (list.tagName === tag) { setBlock('P'); return; }
      rename(list, tag);
    } else {
      const list = document.createElement(tag);
      const li = document.createElement('li');
      if (block) { while (block.firstChild) li.appendChild(block.firstChild); block.replaceWith(list); } else { li.appendChild(document.createElement('br')); root.appendChild(list); }
      list.appendChild(li);
      const nr = document.createRange();
      nr.selectNodeContents(li);
      nr.collapse(false);
      select(nr);
    }
    emit();
  }

  function wrap(tag: string, attrs: Record<string, string> = {}) {
    const r = range();
    if (r.collapsed) return;
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    el.appendChild(r.extractContents());
    r.insertNode(el);
    const nr = document.createRange();
    nr.selectNodeContents(el);
    select(nr);
    emit();
  }

  function insertHtml(html: string) {
    const r = range();
    r.deleteContents();
    const tpl = document.createElement('template');
    tpl.innerHTML = html;
    const last = tpl.content.lastChild;
    r.insertNode(tpl.content);
    if (last) { const nr = document.createRange(); nr.setStartAfter(last); nr.collapse(true); select(nr); }
    emit();
  }
  useEffect(() => { handleRef?.({ insertHtml }); });

  const tool = (title: string, icon: React.ReactNode, run: () => void) => (
    <Tooltip title={title}><Button size="small" type="text" icon={icon} onMouseDown={(e) => e.preventDefault()} onClick={run} aria-label={title} /></Tooltip>
  );
  const blockBtn = (label: string, tag: string) => (
    <Button size="small" type="text" onMouseDown={(e) => e.preventDefault()} onClick={() => setBlock(tag)}>{label}</Button>
  );

  return (
    <div className="zd-rte">
      <Space size={2} wrap className="zd-rte-bar">
        {blockBtn('正文', 'P')}{blockBtn('标题', 'H2')}{blockBtn('小标题', 'H3')}{blockBtn('引用', 'BLOCKQUOTE')}
        <Divider orientation="vertical" />
        {tool('加粗', <BoldOutlined />, () => wrap('strong'))}
        {tool('斜体', <ItalicOutlined />, () => wrap('em'))}
        {tool('项目列表', <UnorderedListOutlined />, () => toggleList('UL'))}
        {tool('编号列表', <OrderedListOutlined />, () => toggleList('OL'))}
        {tool('链接', <LinkOutlined />, () => { remember(); setLinking(true); })}
      </Space>
      <div
        ref={ref}
        className="zd-rte-body"
        contentEditable
        suppressContentEditableWarning
        role="textbox"
        aria-multiline="true"
        aria-label="正文"
        data-testid={testId}
        onInput={emit}
        onBlur={() => { remember(); emit(); }}
        onKeyUp={remember}
        onMouseUp={remember}
      />
      <Modal title="插入链接" open={linking} onCancel={() => setLinking(false)} okText="插入" cancelText="取消" destroyOnHidden
        onOk={() => { if (/^(https?:\/\/|mailto:|\/)/.test(href)) wrap('a', { href }); setLinking(false); }}>
        <Input value={href} onChange={(e) => setHref(e.target.value)} placeholder="https://" />
        <div style={{ color: '#888', marginTop: 8 }}>先在正文中选中要加链接的文字。</div>
      </Modal>
    </div>
  );
}
