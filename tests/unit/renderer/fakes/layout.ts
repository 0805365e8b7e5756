/**
 * jsdom lays nothing out: every element is 0×0 and cannot scroll. This gives elements matching `selector` a fixed
 * viewport height, a scroll height from their content's declared height, and a `scrollTo` that moves `scrollTop`
 * and fires `scroll` the way a browser does. Enough for a virtualizer to compute a real window of rows.
 */
export interface FakeScroller {
  restore(): void;
  /** Every `scrollTo` top offset asked for, in order. */
  scrolls: number[];
}

export function fakeScrollLayout(
  selector: string,
  { height, contentHeight }: { height: number; contentHeight: (element: HTMLElement) => number },
): FakeScroller {
  const proto = HTMLElement.prototype;
  // offsetHeight is HTMLElement's own; clientHeight and scrollHeight are inherited from Element and only shadowed.
  const saved = (['offsetHeight', 'clientHeight', 'scrollHeight'] as const).map(
    (name) => [name, Object.getOwnPropertyDescriptor(proto, name)] as const,
  );
  const savedScrollTo = Object.getOwnPropertyDescriptor(Element.prototype, 'scrollTo');
  const scrolls: number[] = [];

  const sized = (element: HTMLElement, value: () => number) => (element.matches(selector) ? value() : 0);
  Object.defineProperty(proto, 'offsetHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return sized(this, () => height);
    },
  });
  Object.defineProperty(proto, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return sized(this, () => height);
    },
  });
  Object.defineProperty(proto, 'scrollHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return sized(this, () => Math.max(height, contentHeight(this)));
    },
  });
  Object.defineProperty(Element.prototype, 'scrollTo', {
    configurable: true,
    value(this: HTMLElement, options: ScrollToOptions) {
      const max = Math.max(0, this.scrollHeight - this.clientHeight);
      const top = Math.max(0, Math.min(max, options.top ?? this.scrollTop));
      scrolls.push(top);
      this.scrollTop = top;
      this.dispatchEvent(new Event('scroll'));
    },
  });

  return {
    scrolls,
    restore() {
      for (const [name, descriptor] of saved) {
        if (descriptor) Object.defineProperty(proto, name, descriptor);
        else delete (proto as unknown as Record<string, unknown>)[name];
      }
      if (savedScrollTo) Object.defineProperty(Element.prototype, 'scrollTo', savedScrollTo);
      else delete (Element.prototype as unknown as Record<string, unknown>).scrollTo;
    },
  };
}
