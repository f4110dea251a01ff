import type { ServerBuild } from '@remix-run/node'
import { describe, expect, test } from 'vitest'
import { bucketedHandler, bucketOf, routeBuckets } from './route-buckets.ts'

const route = (id: string, path: string | undefined, parentId?: string, index?: boolean) => ({ id, path, parentId, index, module: {} })
const routes = Object.fromEntries(
  [
    route('root', ''),
    route('routes/_index', undefined, 'root', true),
    route('routes/jury._index', 'jury', 'root', true),
    route('routes/jury.$editionId.$nominationId', 'jury/:editionId/:nominationId', 'root'),
    route('routes/o.$org', 'o/:org', 'root'),
    route('routes/api.v1.events', 'api/v1/events', 'root'),
    route('routes/api.v1.events.$slug', ':slug', 'routes/api.v1.events'),
    route('routes/u.$token', 'u/:token', 'root'),
    route('routes/$lang.about', ':lang/about', 'root'),
    route('routes/$', '*', 'root'),
  ].map((r) => [r.id, r]),
) as unknown as ServerBuild['routes']

describe('route buckets', () => {
  test('a bucket keeps the routes starting with its segment, those that may match any segment, and their parents', () => {
    const { literals, reduce } = routeBuckets(routes)
    expect([...literals].sort()).toEqual(['api', 'jury', 'o', 'u'])
    expect(Object.keys(reduce('jury'))).toEqual(['root', 'routes/_index', 'routes/jury._index', 'routes/jury.$editionId.$nominationId', 'routes/$lang.about', 'routes/$'])
    expect(Object.keys(reduce('api'))).toEqual(['root', 'routes/_index', 'routes/api.v1.events', 'routes/api.v1.events.$slug', 'routes/$lang.about', 'routes/$'])
  })

  test('a path goes to the bucket of its first segment (any case) only when some route starts with it', () => {
    const { literals } = routeBuckets(routes)
    expect(bucketOf(literals, '/jury/e1/n1')).toBe('jury')
    expect(bucketOf(literals, '/JURY')).toBe('jury')
    expect(bucketOf(literals, '/jury.data')).toBeNull()
    expect(bucketOf(literals, '/__manifest')).toBeNull()
    expect(bucketOf(literals, '/')).toBeNull()
    expect(bucketOf(literals, '/nowhere/else')).toBeNull()
  })

  test('one handler per bucket, made once; the whole build for the rest and under a basename', () => {
    const made: string[][] = []
    const make = (b: ServerBuild) => {
      made.push(Object.keys(b.routes))
      return () => made.length
    }
    const build = { routes } as unknown as ServerBuild
    const handlerFor = bucketedHandler(build, make)
    const jury = handlerFor('/jury/e1/n1')
    expect(handlerFor('/jury')).toBe(jury)
    expect(handlerFor('/unknown')).not.toBe(jury)
    expect(made).toHaveLength(2)
    expect(made[0]).toHaveLength(Object.keys(routes).length)
    const based = bucketedHandler({ ...build, basename: '/app' }, make)
    expect(based('/app/jury')).toBe(based('/app/o/x'))
  })
})
