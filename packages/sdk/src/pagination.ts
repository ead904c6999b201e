import { PristineSendError } from './errors.js';

/** A list response as the wire gives it. */
export interface PageResponse<T> {
  data: T[];
  has_more: boolean;
  next_cursor: string | null;
}

/** Fetches one page: the first when `cursor` is `undefined`, else the page that `cursor` points to. */
export type PageFetcher<T> = (cursor: string | undefined) => Promise<PageResponse<T>>;

/**
 * One page of a list: the wire's `data`, `has_more` and `next_cursor`, plus navigation. Iterating it with
 * `for await` yields every item from this page on, fetching the following pages as it goes.
 */
export class Page<T> implements PageResponse<T>, AsyncIterable<T> {
  data: T[];
  has_more: boolean;
  next_cursor: string | null;
  // Private, so that `JSON.stringify(page)` is exactly the wire's list response.
  readonly #fetchPage: PageFetcher<T>;

  constructor(response: PageResponse<T>, fetchPage: PageFetcher<T>) {
    this.data = response.data;
    this.has_more = response.has_more;
    this.next_cursor = response.next_cursor;
    this.#fetchPage = fetchPage;
  }

  /** Whether there is a page after this one. */
  hasNextPage(): boolean {
    return this.has_more && this.next_cursor !== null;
  }

  /**
   * Fetches the page after this one, with the same parameters and `cursor` set to `next_cursor`.
   *
   * @throws {PristineSendError} when there is no next page (check {@link Page.hasNextPage} first), or any
   * error of the request.
   */
  async getNextPage(): Promise<Page<T>> {
    if (!this.hasNextPage() || this.next_cursor === null) {
      throw new PristineSendError('There is no next page; check hasNextPage() before calling getNextPage().');
    }
    return new Page(await this.#fetchPage(this.next_cursor), this.#fetchPage);
  }

  /**
   * Yields this page and then each following page.
   *
   * @throws {PristineSendError} any error of a request for a following page.
   */
  async *iterPages(): AsyncGenerator<Page<T>, void, undefined> {
    let page: Page<T> = this;
    yield page;
    while (page.hasNextPage()) {
      page = await page.getNextPage();
      yield page;
    }
  }

  /**
   * Yields every item from this page on, across the following pages.
   *
   * @throws {PristineSendError} any error of a request for a following page.
   */
  async *[Symbol.asyncIterator](): AsyncGenerator<T, void, undefined> {
    for await (const page of this.iterPages()) yield* page.data;
  }
}

/**
 * What `list()` returns: a promise of the first {@link Page} that is also async-iterable over every item,
 * so both `await ps.contacts.list()` and `for await (const c of ps.contacts.list())` work.
 */
export class PagePromise<T> extends Promise<Page<T>> implements AsyncIterable<T> {
  // The promises that `then`/`catch`/`finally` derive hold whatever their callbacks return, not a page,
  // so they must be plain promises rather than (wrongly) iterable PagePromises.
  static override get [Symbol.species](): PromiseConstructor {
    return Promise;
  }

  /**
   * Yields every item of every page, starting with the first.
   *
   * @throws {PristineSendError} any error of a page request.
   */
  async *[Symbol.asyncIterator](): AsyncGenerator<T, void, undefined> {
    yield* await this;
  }
}

/** Starts fetching the first page at once, like any promise-returning call. */
export function paginate<T>(fetchPage: PageFetcher<T>): PagePromise<T> {
  return new PagePromise<T>((resolve, reject) => {
    fetchPage(undefined).then((response) => resolve(new Page(response, fetchPage)), reject);
  });
}
