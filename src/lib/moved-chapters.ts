/**
 * Chapters whose address changed when the course was reordered, and where each
 * now lives. Every old address keeps a page that sends the reader on; a link to
 * one of the old page's sections goes to wherever that section went.
 */
export interface MovedChapter {
	/** The chapter that took its place. */
	chapter: string;
	/** Old section ids whose content moved elsewhere: `section` → `chapter#section`. */
	sections: Record<string, string>;
}

export const MOVED_CHAPTERS: Record<string, MovedChapter> = {
	// "Send, step by step" became part of "Sending values with send"; two sections went further.
	'send-step-by-step': {
		chapter: 'sending-values',
		sections: {
			'coroutines-generalise-subroutines-and-generators':
				'generators-vs-coroutines#coroutines-generalise-subroutines-and-generators',
			'every-generator-has-send': 'sending-values#every-generator-has-send',
			'the-steps-of-a-send': 'sending-values#the-steps-of-a-send',
			'the-accumulator-example': 'sending-values#the-accumulator-step-by-step',
			'what-gennext-does-in-python-3': 'sending-values#python-2s-gennext',
			'every-step-traced': 'sending-values#the-accumulator-step-by-step',
			'chaining-coroutines-by-hand': 'pipelines#chaining-coroutines-by-hand',
		},
	},
};
