import { RouterProvider } from 'react-router/dom';
import { AppProviders } from './providers';
import { createAppRouting } from './router';

const { queryClient, router } = createAppRouting();

export function App() {
  return (
    <AppProviders queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>
  );
}
