import { Navigate, Route, Routes } from 'react-router';
import { SignInPage } from './features/auth/SignInPage';
import { SignUpPage } from './features/auth/SignUpPage';
import { RequireMerchant } from './features/auth/RequireMerchant';
import { AppLayout } from './features/shell/AppLayout';
import { SettingsPage } from './features/settings/SettingsPage';

export function App() {
  return (
    <Routes>
      <Route path="/signin" element={<SignInPage />} />
      <Route path="/signup" element={<SignUpPage />} />
      <Route
        element={
          <RequireMerchant>
            <AppLayout />
          </RequireMerchant>
        }
      >
        <Route path="/settings/:tab" element={<SettingsPage />} />
        <Route path="/settings" element={<Navigate to="/settings/developers" replace />} />
        <Route path="*" element={<Navigate to="/settings/developers" replace />} />
      </Route>
    </Routes>
  );
}
