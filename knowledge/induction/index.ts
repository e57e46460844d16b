export { buildInduction, compileInduction, COURSE_FILE, INDUCTION_FILE } from './compile';
export { arrange, courseFor, type CourseFor } from './course-for';
export { loadInductionCourse } from './load';
export type { CompiledCourse, CourseQuestion, CourseStep } from './types';
