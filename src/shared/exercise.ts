/** One language's side of an exercise: what the reader starts from, and one program that solves it. */
export interface ExerciseSide {
	starter: string;
	solution: string;
	/** The target transcript: what a solution prints, without a final newline. */
	output: string;
}

/** How far an exercise asks the reader to go: a small change, some practice, something new. */
export const EXERCISE_LEVELS = ['warm-up', 'practice', 'challenge'] as const;
export type ExerciseLevel = (typeof EXERCISE_LEVELS)[number];

/** An exercise at the end of a chapter, as listed in `dist/exercises.json`. */
export interface Exercise {
	/** Unique among snippets and exercises, URL-safe, written by the chapter's author. */
	id: string;
	/** URL path of the chapter that holds it. */
	page: string;
	title: string;
	level: ExerciseLevel;
	/** The task as the reader reads it, in plain text. */
	task: string;
	python: ExerciseSide;
	typescript: ExerciseSide;
}

/** An exercise as written in a chapter, before it is placed on a page. */
export type AuthoredExercise = Omit<Exercise, 'page'>;
