import { describe, expect, test } from 'vitest'
import { isQuestionType, parseAnswers, parseQuestionOptions } from './questions.ts'

describe('question options (JSON column)', () => {
  test('options tolerate objects and broken JSON', () => {
    expect(parseQuestionOptions('[{"label":"A"},"B",""]')).toEqual(['A', 'B'])
    expect(parseQuestionOptions('not json')).toEqual([])
    expect(parseQuestionOptions('{"a":1}')).toEqual([])
    expect(parseQuestionOptions(null)).toEqual([])
    expect(parseQuestionOptions(['x', ' y '])).toEqual(['x', 'y'])
  })
})

describe('answers (JSON column)', () => {
  test('stored answers are read back defensively', () => {
    expect(parseAnswers('{"a":"x","b":["y",1],"c":true,"d":{"e":1},"n":3}')).toEqual({ a: 'x', b: ['y'], c: true })
    for (const bad of ['oops', '[1,2]', 'null', '"text"', '', null, undefined]) expect(parseAnswers(bad)).toEqual({})
  })

  test('already-decoded answers are filtered the same way', () => {
    expect(parseAnswers({ a: 'x', b: 2 })).toEqual({ a: 'x' })
  })
})

test('question types', () => {
  expect(isQuestionType('single_choice')).toBe(true)
  expect(isQuestionType('rating')).toBe(false)
})
