import { lazy, Suspense } from 'react';
import { matchRoute, usePath } from './router.ts';
import { TopBar } from './TopBar.tsx';
import { Notices } from '../shared/Notices.tsx';
import { LibraryPage } from '../library/LibraryPage.tsx';
import { NotFoundPage } from '../pages/NotFoundPage.tsx';

// The workspace pulls in the canvas library; the library page should not wait for it.
const WorkspacePage = lazy(() => import('../workspace/WorkspacePage.tsx'));
// The benchmark lab loads onnxruntime-web and tfjs only when it is opened.
const BenchPage = lazy(() => import('../bench/BenchPage.tsx'));
const InterviewHome = lazy(() => import('../interview/InterviewHome.tsx'));
const AttemptPage = lazy(() => import('../interview/AttemptPage.tsx'));
// The docs bring CodeMirror, marked and DOMPurify (and Mermaid on first diagram): only when opened.
const DocsPage = lazy(() => import('../docs/DocsPage.tsx'));
const DocEditorPage = lazy(() => import('../docs/DocEditorPage.tsx'));

export function App() {
  const route = matchRoute(usePath());
  return (
    <div className="shell">
      <TopBar route={route} />
      <main className="main" id="main">
        <Suspense fallback={<div className="page muted" role="status">Loading…</div>}>
          {route.page === 'library' && <LibraryPage />}
          {route.page === 'design' && <WorkspacePage key={route.id} id={route.id} />}
          {route.page === 'interview' && <InterviewHome />}
          {route.page === 'attempt' && <AttemptPage key={route.id} id={route.id} />}
          {route.page === 'benchmarks' && <BenchPage />}
          {route.page === 'docs' && <DocsPage />}
          {route.page === 'doc' && <DocEditorPage key={route.id} id={route.id} />}
          {route.page === 'not-found' && <NotFoundPage path={route.path} />}
        </Suspense>
      </main>
      <Notices />
    </div>
  );
}
